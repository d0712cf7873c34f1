import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAddress } from '../../../src/loaders/plan/addresses.ts';
import { isPlanDocument, loadPlan } from '../../../src/loaders/plan/index.ts';
import { isUnknown } from '../../../src/model/unknown.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zoneguard-plan-loader-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function planFile(content: unknown): Promise<string> {
  const path = join(dir, 'plan.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('plan format', () => {
  it('recognises a plan by its content', () => {
    expect(isPlanDocument({ format_version: '1.2', resource_changes: [] })).toBe(true);
    expect(isPlanDocument({ format_version: '1.0', terraform_version: '1.11.4' })).toBe(true);
    expect(isPlanDocument({ format_version: '1.0' })).toBe(false);
    expect(isPlanDocument({ resource: { aws_vpc: {} } })).toBe(false);
    expect(isPlanDocument([{ format_version: '1.0', planned_values: {} }])).toBe(false);
  });

  it.each(['0.1', '0.2', '1.0', '1.2'])('reads format version %s', async (version) => {
    const loaded = await loadPlan(await planFile({ format_version: version, planned_values: {} }));
    expect(loaded.diagnostics).toEqual([]);
  });

  it.each(['2.0', 'x'])('gives unsupported-format for version %s', async (version) => {
    const path = await planFile({ format_version: version, planned_values: {} });
    const loaded = await loadPlan(path);
    expect(loaded.resources).toEqual([]);
    expect(loaded.diagnostics).toMatchObject([{ code: 'unsupported-format', severity: 'error', location: { file: path } }]);
    expect(loaded.diagnostics[0]!.message).toContain(version);
  });

  it('gives a parse-error for broken JSON, not a rejection', async () => {
    const loaded = await loadPlan(await planFile('{"format_version": "1.2",'));
    expect(loaded.diagnostics).toMatchObject([{ code: 'parse-error', severity: 'error' }]);
  });
});

describe('plan shape', () => {
  const cases: Array<{ name: string; plan: unknown; path: string }> = [
    { name: 'sections of the wrong type', plan: { format_version: '1.2', resource_changes: false }, path: '`resource_changes`' },
    { name: 'a change without an address', plan: { format_version: '1.2', resource_changes: [{ type: 'aws_vpc', name: 'a' }] }, path: '`resource_changes.0`' },
    { name: 'child modules that are not a list', plan: { format_version: '1.2', planned_values: { root_module: { child_modules: {} } } }, path: '`planned_values.root_module.child_modules`' },
  ];
  for (const { name, plan, path } of cases) {
    it(`reports ${name} instead of crashing`, async () => {
      const loaded = await loadPlan(await planFile(plan));
      expect(loaded.resources).toEqual([]);
      expect(loaded.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['unsupported-format']);
      expect(loaded.diagnostics[0]?.message).toContain(path);
    });
  }
});

describe('plan values', () => {
  it('marks nested unknowns by element, and keeps empty lists as no value', async () => {
    const path = await planFile({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_security_group.db',
          mode: 'managed',
          type: 'aws_security_group',
          name: 'db',
          change: {
            actions: ['create'],
            after: { ingress: [{ from_port: 5432, cidr_blocks: [], description: '' }] },
            after_unknown: { ingress: [{ security_groups: true }], id: true },
          },
        },
      ],
    });
    const [db] = (await loadPlan(path)).resources;
    const ingress = db!.body.attributes['ingress']!.value as Array<Record<string, unknown>>;
    expect(ingress[0]!['cidr_blocks']).toEqual([]);
    expect(ingress[0]!['description']).toBeNull();
    expect(isUnknown(ingress[0]!['security_groups'])).toBe(true);
    expect(db!.location).toEqual({ file: path });
  });

  it('links an unknown id to the resource the configuration refers to', async () => {
    const path = await planFile({
      format_version: '1.2',
      resource_changes: [
        change('aws_vpc.main', { cidr_block: '10.0.0.0/16' }, { id: true }),
        change('aws_subnet.a', { cidr_block: '10.0.1.0/24' }, { id: true, vpc_id: true }),
      ],
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_subnet.a', mode: 'managed', type: 'aws_subnet', name: 'a',
              expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } } },
          ],
        },
      },
    });
    const subnet = (await loadPlan(path)).resources.find((r) => r.address === 'aws_subnet.a')!;
    const vpc = subnet.body.attributes['vpc_id']!.value;
    expect(isUnknown(vpc) && vpc.ref).toEqual({ address: 'aws_vpc.main', attribute: 'id' });
    expect(subnet.body.attributes['id']).toBeUndefined();
  });

  it('links a known id of an existing resource the same way', async () => {
    const path = await planFile({
      format_version: '1.2',
      resource_changes: [
        change('aws_vpc.main', { id: 'vpc-0a1b', cidr_block: '10.0.0.0/16' }, {}, ['no-op']),
        change('aws_subnet.a', { id: 'subnet-1', vpc_id: 'vpc-0a1b' }, {}, ['no-op']),
      ],
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_subnet.a', mode: 'managed', type: 'aws_subnet', name: 'a',
              expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } } },
          ],
        },
      },
    });
    const subnet = (await loadPlan(path)).resources.find((r) => r.address === 'aws_subnet.a')!;
    const vpc = subnet.body.attributes['vpc_id']!.value;
    expect(isUnknown(vpc) && vpc.ref?.address).toBe('aws_vpc.main');
  });
});

describe('plan addresses', () => {
  it('splits module calls, resource and key, with dots inside keys', () => {
    expect(parseAddress('module.net["a.b"].module.x[0].aws_subnet.zone["m.g"]')).toEqual({
      moduleCalls: ['module.net["a.b"]', 'module.net["a.b"].module.x[0]'],
      moduleNames: ['net', 'x'],
      resource: 'aws_subnet.zone',
      keyText: '["m.g"]',
    });
    expect(parseAddress('data.aws_vpc.main')).toMatchObject({ moduleCalls: [], resource: 'data.aws_vpc.main', keyText: '' });
  });
});

function change(address: string, after: unknown, afterUnknown: unknown, actions = ['create']): unknown {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type, name, change: { actions, after, after_unknown: afterUnknown } };
}
