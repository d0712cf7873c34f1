import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from './memory-io.ts';
import { RDP_OPEN, writeRepo } from './terraform-fixtures.ts';

const PACK_DIR = fileURLToPath(new URL('../../policies/tchq-2926/', import.meta.url));
const packIds = readdirSync(PACK_DIR)
  .filter((name) => name.endsWith('.yaml') && name !== 'pack.yaml' && name !== 'articles.yaml')
  .map((name) => name.replace(/\.yaml$/, ''));

describe('zoneguard rules', () => {
  it('lists every rule of the pack', async () => {
    const io = memoryIo(writeRepo({}));
    expect(await main(['rules'], io)).toBe(0);
    expect(io.out()).toMatch(/^ID\s+SEVERITY\s+ARTICLES\s+TITLE/);
    for (const id of packIds) expect(io.out()).toContain(id);
  });

  it('lists the rules as JSON', async () => {
    const io = memoryIo(writeRepo({}));
    await main(['rules', '--format', 'json'], io);
    const rules = JSON.parse(io.out()) as Array<{ id: string; title: { vi: string } }>;
    expect(rules.map((rule) => rule.id).sort()).toEqual([...packIds].sort());
  });
});

describe('zoneguard zones', () => {
  it('prints each segment with zone, source and evidence', async () => {
    const io = memoryIo(writeRepo({ 'main.tf': RDP_OPEN }));
    expect(await main(['zones'], io)).toBe(0);
    expect(io.out()).toContain('Site aws_vpc.main');
    expect(io.out()).toMatch(/aws_subnet\.mgmt\s+10\.0\.50\.0\/24\s+management\s+tag\s+tag Zone = "management"/);
  });

  it('prints the zones as JSON', async () => {
    const io = memoryIo(writeRepo({ 'main.tf': RDP_OPEN }));
    await main(['zones', '--format', 'json'], io);
    const listing = JSON.parse(io.out());
    expect(listing.sites[0].segments[0]).toMatchObject({
      address: 'aws_subnet.mgmt',
      zone: 'management',
      source: 'tag',
      location: { file: 'main.tf' },
    });
  });
});

describe('zoneguard help and version', () => {
  it('prints help with the exit codes', async () => {
    const io = memoryIo(writeRepo({}));
    expect(await main(['scan', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--severity-threshold <severity>');
    expect(io.out()).toContain('Exit codes:');
  });

  it('prints the version from a real process', () => {
    const bin = fileURLToPath(new URL('../../bin/zoneguard.js', import.meta.url));
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const output = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(output.trim()).toBe(manifest.version);
  });
});
