import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.ts';
import { runOnHcl } from './harness.ts';

const NETWORK = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "web" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
  tags       = { Zone = "dmz" }
}

resource "aws_db_instance" "db" {
  engine   = "postgres"
  password = "changeme"
}
`;

const folders: string[] = [];

async function folderWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'zoneguard-scan-'));
  folders.push(root);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), text);
  }
  return root;
}

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('scan', () => {
  it('scans a folder end to end', async () => {
    const root = await folderWith({ 'main.tf': NETWORK });
    const stages: string[] = [];
    const result = await scan([root], {
      language: 'en',
      onProgress: (stage, done, total) => stages.push(`${stage} ${done}/${total}`),
    });
    expect(result.root).toBe(root);
    expect(result.files).toEqual([join(root, 'main.tf')]);
    const ids = result.findings.map((finding) => `${finding.ruleId} ${finding.address}`);
    expect(ids).toContain('zone-required aws_vpc.main');
    expect(ids).toContain('no-default-credentials aws_db_instance.db');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.rules.length).toBeGreaterThan(4);
    expect(result.toolVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(stages).toEqual(['load 1/1', 'model 1/1', 'reachability 1/1', 'rules 1/1']);
    expect(Object.keys(result.timings ?? {}).sort()).toEqual(['load', 'model', 'pack', 'reachability', 'rules']);
  });

  it('scans each root module of a folder separately', async () => {
    const root = await folderWith({
      'prod/main.tf': NETWORK,
      'test/main.tf': NETWORK.replaceAll('"main"', '"test"'),
    });
    const result = await scan([root], { language: 'vi', ruleIds: ['zone-required'] });
    expect(result.findings.map((finding) => finding.address).sort()).toEqual(['aws_vpc.main', 'aws_vpc.test']);
    expect(result.files).toHaveLength(2);
    expect(result.language).toBe('vi');
    expect(result.findings[0]?.message).toContain('Mạng');
  });

  it('scans a single file through its folder', async () => {
    const root = await folderWith({ 'main.tf': NETWORK });
    const result = await scan([join(root, 'main.tf')], { ruleIds: ['no-default-credentials'] });
    expect(result.root).toBe(root);
    expect(result.findings).toHaveLength(1);
  });

  it('reports a missing path instead of throwing', async () => {
    const missing = join(tmpdir(), 'zoneguard-no-such-folder');
    const result = await scan([missing], {});
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['file-unreadable']);
    expect(result.diagnostics[0]?.message).toContain(missing);
  });

  it('lists rules skipped by the config', async () => {
    const root = await folderWith({ 'main.tf': NETWORK });
    const config = { rules: { 'storage-raid': { skip: { reason: 'no servers with disks here' } } } };
    const result = await scan([root], { config });
    expect(result.skippedRules).toEqual([{ ruleId: 'storage-raid', reason: 'no servers with disks here' }]);
    expect(result.rules.map((rule) => rule.id)).not.toContain('storage-raid');
  });
});

describe('fingerprints', () => {
  it('stay the same when comment lines move the code', async () => {
    const options = { ruleIds: ['no-default-credentials', 'zone-required'] };
    const before = await runOnHcl({ 'main.tf': NETWORK }, options);
    const after = await runOnHcl({ 'main.tf': `# moved down\n# by two lines\n${NETWORK}` }, options);
    expect(before.findings).toHaveLength(2);
    expect(after.findings.map((finding) => finding.fingerprint)).toEqual(
      before.findings.map((finding) => finding.fingerprint),
    );
    expect(after.findings[0]?.location.range?.startLine).toBe((before.findings[0]?.location.range?.startLine ?? 0) + 2);
  });
});
