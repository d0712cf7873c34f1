import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { scan } from '../../../src/engine/scan.ts';
import { memoryIo } from '../../cli/memory-io.ts';
import { CDKTF, DESIGN, PULUMI, type FrontEndInput } from './front-end-inputs.ts';
import { outcomeOf, scanFiles, TODAY } from './scan-files.ts';

const GROUP = `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
  tags   = { "zoneguard:ignore" = "internet-ingress-dmz-only -- tagged by the platform team, until 2027-06-30" }
  ingress {
    protocol    = "tcp"
    from_port   = 8443
    to_port     = 8443
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const CASE_18 = new URL('../../loaders/plan/fixtures/case-18/plan.json', import.meta.url);

describe('suppressions on every front end', () => {
  it('HCL: reads a zoneguard:ignore tag on the resource', async () => {
    const result = await scanFiles({ 'main.tf': GROUP }, { ruleIds: ['internet-ingress-dmz-only'] });
    expect(outcomeOf(result.findings)).toEqual(['internet-ingress-dmz-only aws_security_group.web suppressed(inline)']);
    expect(result.findings[0]?.suppression).toMatchObject({ reason: 'tagged by the platform team', expires: '2027-06-30' });
    expect(result.findings[0]?.suppression?.location?.range?.startLine).toBe(4);
  });

  it('HCL: does not let a tag reach another resource', async () => {
    const other = GROUP.replace(/"web"/g, '"api"').replace(/  tags .*\n/, '');
    const result = await scanFiles({ 'main.tf': GROUP + other }, { ruleIds: ['internet-ingress-dmz-only'] });
    expect(outcomeOf(result.findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group.api',
      'internet-ingress-dmz-only aws_security_group.web suppressed(inline)',
    ]);
  });

  it('plan JSON: reads the same tag from planned values, and comments from --source files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zoneguard-plan-suppress-'));
    try {
      const plan = JSON.parse(await readFile(CASE_18, 'utf8')) as { resource_changes: Array<{ address: string; change: { after: Record<string, unknown> } }> };
      const admin = plan.resource_changes.find((change) => change.address === 'aws_security_group.admin')!;
      admin.change.after.tags = { 'zoneguard:ignore': 'management-ports-from-management-zone -- plan tag, ticket OPS-8' };
      await writeFile(join(dir, 'plan.json'), JSON.stringify(plan));
      const tagged = await scan([join(dir, 'plan.json')], { cwd: dir, now: TODAY });
      expect(outcomeOf(tagged.findings)).toEqual([
        'internet-ingress-dmz-only aws_security_group.admin',
        'management-ports-from-management-zone aws_security_group.admin suppressed(inline)',
      ]);
      await writeFile(join(dir, 'main.tf'), '# zoneguard:ignore internet-ingress-dmz-only -- source comment, ticket OPS-9\nresource "aws_security_group" "admin" {\n  name = "admin"\n}\n');
      const commented = await scan([join(dir, 'plan.json')], { cwd: dir, now: TODAY, sourceDir: '.' });
      expect(commented.findings.every((f) => f.suppression !== undefined)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const FRONT_ENDS = [CDKTF, PULUMI, DESIGN];

/** Writes `files` into a fresh temp folder and hands it to `body`. */
async function inFolder<T>(files: Record<string, string>, body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'zoneguard-front-end-'));
  try {
    await writeAll(dir, files);
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeAll(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

/** The target finding of `input`, which every test below expects to be there. */
function targetOf(input: FrontEndInput, findings: Awaited<ReturnType<typeof scan>>['findings']) {
  const found = findings.filter((f) => f.ruleId === input.rule && f.address === input.address);
  expect(found.length).toBeGreaterThan(0);
  return found;
}

describe.each(FRONT_ENDS)('suppressions and baselines on $name input', (input) => {
  it('inline suppression marks the finding', async () => {
    const files = input.files({ suppression: `${input.rule} -- accepted by the network team` });
    const result = await inFolder(files, (dir) => scan([join(dir, input.target)], { cwd: dir, now: TODAY, ruleIds: [input.rule] }));
    for (const finding of targetOf(input, result.findings)) {
      expect(finding.suppression).toMatchObject({ kind: 'inline', reason: expect.stringContaining('accepted by the network team') });
    }
    expect(result.diagnostics.filter((d) => d.code.startsWith('suppression'))).toEqual([]);
  });

  it('unsuppressed finding stays open', async () => {
    const result = await inFolder(input.files({}), (dir) => scan([join(dir, input.target)], { cwd: dir, now: TODAY, ruleIds: [input.rule] }));
    expect(targetOf(input, result.findings).every((f) => f.suppression === undefined)).toBe(true);
  });

  it('config waiver suppresses the finding', async () => {
    const waivers = [{ rule: input.rule, address: input.address, reason: 'waived in .zoneguard.yml' }];
    const result = await inFolder(input.files({}), (dir) =>
      scan([join(dir, input.target)], { cwd: dir, now: TODAY, ruleIds: [input.rule], config: { waivers }, configFile: join(dir, '.zoneguard.yml') }),
    );
    for (const finding of targetOf(input, result.findings)) {
      expect(finding.suppression).toMatchObject({ kind: 'config', reason: 'waived in .zoneguard.yml' });
    }
  });

  it('baseline fails only on new findings', async () => {
    await inFolder(input.files({}), async (dir) => {
      const run = async (...argv: string[]) => {
        const io = memoryIo(dir);
        return { code: await main(argv, io), out: io.out(), err: io.err() };
      };
      expect((await run('baseline', 'create', input.target, '--output', 'base.json')).code).toBe(0);
      const same = await run('scan', input.target, '--baseline', 'base.json', '--format', 'json');
      expect(same.err).toBe('');
      expect(same.code).toBe(0);
      const report = JSON.parse(same.out) as { findings: Array<{ ruleId: string; suppression?: { kind: string } }> };
      expect(report.findings.some((f) => f.ruleId === input.rule)).toBe(true);
      expect(report.findings.every((f) => f.suppression?.kind === 'baseline')).toBe(true);

      await writeAll(dir, input.files({ extra: true }));
      const changed = await run('scan', input.target, '--baseline', 'base.json', '--format', 'json');
      expect(changed.code).toBe(1);
      const open = (JSON.parse(changed.out) as { findings: Array<{ ruleId: string; address: string; suppression?: unknown }> }).findings.filter((f) => f.suppression === undefined);
      expect(open.map((f) => f.address)).toContain(input.extraAddress);
      expect(open.every((f) => f.address === input.extraAddress)).toBe(true);
    });
  });
});

describe('cdktf: a "//" comment inside a resource', () => {
  it('suppresses only its own resource', async () => {
    const files = CDKTF.files({ extra: true });
    const stack = JSON.parse(files['cdktf.out/stacks/net/cdk.tf.json']!) as { resource: { aws_security_group: Record<string, Record<string, unknown>> } };
    stack.resource.aws_security_group.api!['//'] = 'zoneguard:ignore internet-ingress-dmz-only -- comment in the synthesized JSON';
    files['cdktf.out/stacks/net/cdk.tf.json'] = JSON.stringify(stack, null, 2);
    const result = await inFolder(files, (dir) => scan([join(dir, 'cdktf.out')], { cwd: dir, now: TODAY, ruleIds: ['internet-ingress-dmz-only'] }));
    expect(outcomeOf(result.findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group.api suppressed(inline)',
      'internet-ingress-dmz-only aws_security_group.web',
    ]);
  });
});

describe('design: several suppressions on one entry', () => {
  it('applies every entry', async () => {
    const files = DESIGN.files({ suppression: 'storage-raid -- scratch data only' });
    const text = files['site.zoneguard.yml']!.replace('expires: "2027-06-30" }', 'expires: "2027-06-30" }\n          - { rule: antimalware-installed, reason: appliance without agent support }');
    const result = await inFolder({ 'site.zoneguard.yml': text }, (dir) =>
      scan([join(dir, 'site.zoneguard.yml')], { cwd: dir, now: TODAY, ruleIds: ['storage-raid', 'antimalware-installed'] }),
    );
    expect(outcomeOf(result.findings)).toEqual([
      'antimalware-installed sites.room.servers.files suppressed(inline)',
      'storage-raid sites.room.servers.files suppressed(inline)',
    ]);
    expect(result.findings.find((f) => f.ruleId === 'storage-raid')?.suppression).toMatchObject({ approver: 'Le Van C', expires: '2027-06-30' });
  });
});
