import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.ts';
import { expandCdktfPaths } from '../../../src/loaders/cdktf/scan-paths.ts';

const OPEN_SSH = JSON.stringify(
  {
    resource: {
      aws_security_group: {
        sg: {
          '//': { metadata: { path: 'net/sg', uniqueId: 'sg' } },
          name: 'sg',
          vpc_id: 'vpc-1',
          ingress: [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] }],
        },
      },
    },
  },
  null,
  2,
);
const MANIFEST = JSON.stringify({
  stacks: { net: { name: 'net', constructPath: 'net', synthesizedStackPath: 'stacks/net/cdk.tf.json', workingDirectory: 'stacks/net' } },
});

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'zoneguard-cdktf-paths-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), text);
  }
}

describe('scanning a cdktf project folder', () => {
  it('scans the stacks of the manifest and leaves stale stack folders out', async () => {
    await write({
      'cdktf.json': '{ "app": "npx tsx main.ts" }',
      'cdktf.out/manifest.json': MANIFEST,
      'cdktf.out/stacks/net/cdk.tf.json': OPEN_SSH,
      'cdktf.out/stacks/old/cdk.tf.json': OPEN_SSH,
    });
    const result = await scan([root], { ruleIds: ['management-ports-from-management-zone'] });
    expect(result.files).toEqual([join(root, 'cdktf.out/stacks/net/cdk.tf.json')]);
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.constructPath}`)).toEqual([
      'management-ports-from-management-zone net/sg',
    ]);
  });

  it('reports a project that was never synthesized', async () => {
    await write({ 'cdktf.json': '{ "app": "npx tsx main.ts" }', 'main.ts': '' });
    const result = await scan([root]);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((diagnostic) => diagnostic.hint)).toContainEqual(expect.stringContaining('cdktf synth'));
  });

  it('passes plain Terraform folders and files through unchanged', async () => {
    await write({ 'tf/main.tf': 'resource "aws_vpc" "main" {}\n' });
    const expanded = await expandCdktfPaths(['tf', 'tf/main.tf'], root);
    expect(expanded).toEqual({ paths: ['tf', 'tf/main.tf'], diagnostics: [] });
  });
});
