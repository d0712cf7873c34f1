import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPulumiProgram } from '../../../src/integrations/pulumi/scan-program.ts';

/**
 * The mock-runtime runner on small programs written to a temp folder inside
 * the repository, so that they resolve @pulumi/pulumi and @pulumi/aws.
 */

let folder: string;

async function program(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(folder, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

const MANIFEST = 'name: probe\nruntime: nodejs\n';

beforeAll(async () => {
  await mkdir(resolve(import.meta.dirname, '../../../node_modules/.cache'), { recursive: true });
  folder = await mkdtemp(resolve(import.meta.dirname, '../../../node_modules/.cache/zoneguard-pulumi-runner-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('running a Pulumi program under the mock runtime', () => {
  it('reads stack config, captures resources with their lines, and keeps the program out of this process', async () => {
    const dir = await program('config', {
      'Pulumi.yaml': `${MANIFEST}config:\n  cidr:\n    type: string\n    default: 10.9.0.0/16\n`,
      'Pulumi.dev.yaml': 'config:\n  probe:cidr: 10.1.0.0/16\n',
      'index.ts': [
        "import * as aws from '@pulumi/aws';",
        "import * as pulumi from '@pulumi/pulumi';",
        '(globalThis as Record<string, unknown>).zoneguardProbe = true;',
        "const vpc = new aws.ec2.Vpc('main', { cidrBlock: new pulumi.Config().require('cidr') });",
        "new aws.ec2.Subnet('a', { vpcId: vpc.id, cidrBlock: '10.1.1.0/24' });",
      ].join('\n'),
    });
    const loaded = await loadPulumiProgram(dir);
    expect(loaded.diagnostics).toEqual([]);
    const vpc = loaded.resources.find((r) => r.type === 'aws_vpc');
    expect(vpc?.body.attributes['cidr_block']?.value).toBe('10.1.0.0/16');
    expect(vpc?.location.range?.startLine).toBe(4);
    const subnet = loaded.resources.find((r) => r.type === 'aws_subnet');
    expect(subnet?.body.attributes['vpc_id']?.value).toMatchObject({ ref: { address: 'aws:ec2/vpc:Vpc::main', attribute: 'id' } });
    expect((globalThis as Record<string, unknown>)['zoneguardProbe']).toBeUndefined();
  }, 120_000);

  it('reports a program that throws as an evaluation error that quotes it', async () => {
    const dir = await program('throws', {
      'Pulumi.yaml': MANIFEST,
      'index.ts': "import * as aws from '@pulumi/aws';\nnew aws.ec2.Vpc('main', { cidrBlock: '10.0.0.0/16' });\nthrow new Error('no credentials for the probe');\n",
    });
    const loaded = await loadPulumiProgram(dir);
    expect(loaded.diagnostics).toMatchObject([{ code: 'evaluation-error', severity: 'error' }]);
    expect(loaded.diagnostics[0]?.message).toContain('no credentials for the probe');
  }, 120_000);

  it.each([
    ['no Pulumi.yaml', {}, /no readable Pulumi\.yaml/],
    ['a Python program', { 'Pulumi.yaml': 'name: py\nruntime: python\n' }, /runtime .* is "python"/],
    ['no entry file', { 'Pulumi.yaml': MANIFEST }, /no index\.ts or index\.js/],
  ])('does not run a folder with %s, and says why', async (name, files, message) => {
    const dir = await program(name.replace(/\W+/g, '-'), files as Record<string, string>);
    const loaded = await loadPulumiProgram(dir);
    expect(loaded.resources).toEqual([]);
    expect(loaded.diagnostics).toMatchObject([{ code: 'unsupported-format', severity: 'error' }]);
    expect(loaded.diagnostics[0]?.message).toMatch(message);
  });
});
