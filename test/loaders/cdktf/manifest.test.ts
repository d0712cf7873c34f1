import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCdktfStacks, loadCdktf } from '../../../src/loaders/cdktf/index.ts';

const STACK = (path: string) =>
  JSON.stringify(
    {
      resource: {
        aws_security_group: { sg: { '//': { metadata: { path, uniqueId: 'sg' } }, name: 'sg', vpc_id: 'vpc-1' } },
      },
    },
    null,
    2,
  );

function manifest(...names: string[]): string {
  const stacks = Object.fromEntries(
    names.map((name) => [
      name,
      { name, constructPath: name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}`, annotations: [] },
    ]),
  );
  return JSON.stringify({ version: '0.21.0', stacks }, null, 2);
}

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'zoneguard-cdktf-manifest-'));
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

describe('finding the stacks of a cdktf app', () => {
  it('lists the stacks of manifest.json, not every folder left under stacks/', async () => {
    await write({
      'cdktf.out/manifest.json': manifest('net', 'app'),
      'cdktf.out/stacks/net/cdk.tf.json': STACK('net/sg'),
      'cdktf.out/stacks/app/cdk.tf.json': STACK('app/sg'),
      'cdktf.out/stacks/removed/cdk.tf.json': STACK('removed/sg'),
    });
    const output = await findCdktfStacks(join(root, 'cdktf.out'));
    expect(output?.diagnostics).toEqual([]);
    expect(output?.stacks.map((stack) => [stack.name, stack.folder, stack.file])).toEqual([
      ['net', join(root, 'cdktf.out/stacks/net'), join(root, 'cdktf.out/stacks/net/cdk.tf.json')],
      ['app', join(root, 'cdktf.out/stacks/app'), join(root, 'cdktf.out/stacks/app/cdk.tf.json')],
    ]);
  });

  it('follows the output folder named in cdktf.json from a project folder', async () => {
    await write({
      'cdktf.json': JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', output: 'build/synth' }),
      'build/synth/manifest.json': manifest('net'),
      'build/synth/stacks/net/cdk.tf.json': STACK('net/sg'),
    });
    const output = await findCdktfStacks(root);
    expect(output?.outDir).toBe(join(root, 'build/synth'));
    expect(output?.stacks.map((stack) => stack.name)).toEqual(['net']);
  });

  it('says to run cdktf synth when a project has no synthesized output', async () => {
    await write({ 'cdktf.json': JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts' }) });
    const output = await findCdktfStacks(root);
    expect(output?.stacks).toEqual([]);
    expect(output?.diagnostics).toHaveLength(1);
    expect(output?.diagnostics[0]).toMatchObject({ code: 'file-unreadable', severity: 'error', location: { file: join(root, 'cdktf.json') } });
    expect(output?.diagnostics[0]?.hint).toContain('cdktf synth');
  });

  it('reports a malformed manifest at its line instead of throwing', async () => {
    await write({ 'cdktf.out/manifest.json': '{\n  "stacks": {\n    "net": ,\n  }\n}\n', 'cdktf.out/stacks/.keep': '' });
    const output = await findCdktfStacks(join(root, 'cdktf.out'));
    expect(output?.stacks).toEqual([]);
    expect(output?.diagnostics[0]).toMatchObject({ code: 'parse-error', location: { file: join(root, 'cdktf.out/manifest.json'), range: { startLine: 3 } } });
  });

  it('reports a stack entry without synthesizedStackPath and keeps the others', async () => {
    const text = JSON.stringify({ stacks: { broken: { name: 'broken' }, net: JSON.parse(manifest('net')).stacks.net } });
    await write({ 'cdktf.out/manifest.json': text, 'cdktf.out/stacks/net/cdk.tf.json': STACK('net/sg') });
    const output = await findCdktfStacks(join(root, 'cdktf.out'));
    expect(output?.stacks.map((stack) => stack.name)).toEqual(['net']);
    expect(output?.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringContaining('stack broken has no `synthesizedStackPath`'),
    ]);
  });

  it('returns undefined for a plain Terraform folder', async () => {
    await write({ 'main.tf': 'resource "aws_vpc" "main" {}\n' });
    expect(await findCdktfStacks(root)).toBeUndefined();
  });
});

describe('loading a cdktf app', () => {
  it('loads each stack as its own root module, with construct paths', async () => {
    await write({
      'cdktf.json': JSON.stringify({ app: 'npx tsx main.ts' }),
      'cdktf.out/manifest.json': manifest('net', 'app'),
      'cdktf.out/stacks/net/cdk.tf.json': STACK('net/firewall/sg'),
      'cdktf.out/stacks/app/cdk.tf.json': STACK('app/sg'),
    });
    const loaded = await loadCdktf(root);
    expect(loaded.diagnostics).toEqual([]);
    const byStack = loaded.stacks.map((stack) => [stack.name, stack.load.resources.map((resource) => `${resource.address} ${resource.constructPath}`)]);
    expect(byStack).toEqual([
      ['net', ['aws_security_group.sg net/firewall/sg']],
      ['app', ['aws_security_group.sg app/sg']],
    ]);
  });

  it('reports a folder that is not a cdktf app', async () => {
    const loaded = await loadCdktf(root);
    expect(loaded.stacks).toEqual([]);
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'unsupported-format', severity: 'error' });
  });
});
