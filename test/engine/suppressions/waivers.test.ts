import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZoneguardConfig } from '../../../src/engine/config.ts';
import { parseConfig } from '../../../src/engine/config-load.ts';
import { diagnosticsOf, outcomeOf, scanFiles } from './scan-files.ts';

const GROUPS = `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
  ingress {
    protocol    = "tcp"
    from_port   = 8443
    to_port     = 8443
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const LEGACY = GROUPS.replace('"web"', '"old"').replace('"web"', '"old"');
const FILES = { 'main.tf': GROUPS, 'legacy/old.tf': LEGACY };
const RULE = ['internet-ingress-dmz-only'];

function withWaivers(waivers: ZoneguardConfig['waivers']): (root: string) => { config: ZoneguardConfig; ruleIds: string[]; configFile: string } {
  return (root) => ({ config: { waivers }, ruleIds: RULE, configFile: join(root, '.zoneguard.yml') });
}

describe('config waivers', () => {
  it('waives by rule and address glob, keeping the reason and approver', async () => {
    const waivers = [{ rule: 'Internet-Ingress-DMZ-Only', address: 'aws_security_group.w*', reason: 'reverse proxy, ticket NET-5', approver: 'Tran Thi B' }];
    const result = await scanFiles({ 'main.tf': GROUPS }, withWaivers(waivers));
    expect(outcomeOf(result.findings)).toEqual(['internet-ingress-dmz-only aws_security_group.web suppressed(config)']);
    expect(result.findings[0]?.suppression).toMatchObject({ kind: 'config', reason: 'reverse proxy, ticket NET-5', approver: 'Tran Thi B' });
  });

  it('waives by path glob relative to the config folder, and reports an unused waiver', async () => {
    const root = await mkdtemp(join(tmpdir(), 'zoneguard-waiver-'));
    try {
      await writeFile(join(root, 'main.tf'), GROUPS);
      await cp(join(root, 'main.tf'), join(root, 'spare.tf'));
      await writeFile(join(root, 'spare.tf'), LEGACY);
      const waivers = [
        { path: 'spare.*', reason: 'retired next quarter' },
        { rule: 'storage-raid', reason: 'no servers here yet' },
      ];
      const yaml = `waivers:\n  - path: "spare.*"\n    reason: retired next quarter\n  - rule: storage-raid\n    reason: no servers here yet\n`;
      await writeFile(join(root, '.zoneguard.yml'), yaml);
      const { scan } = await import('../../../src/engine/scan.ts');
      const result = await scan([root], { config: { waivers }, configFile: join(root, '.zoneguard.yml'), ruleIds: [...RULE, 'storage-raid'], cwd: root });
      expect(outcomeOf(result.findings)).toEqual([
        'internet-ingress-dmz-only aws_security_group.old suppressed(config)',
        'internet-ingress-dmz-only aws_security_group.web',
      ]);
      expect(diagnosticsOf(result, 'suppression-unused')).toEqual(['4: The suppression of storage-raid matched no finding.']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('stops an expired waiver', async () => {
    const waivers = [{ rule: 'internet-ingress-dmz-only', reason: 'temporary', expires: '2026-01-31' }];
    const result = await scanFiles(FILES, withWaivers(waivers));
    expect(result.findings.every((f) => f.suppression === undefined)).toBe(true);
    expect(result.diagnostics.filter((d) => d.code === 'suppression-expired')).toHaveLength(1);
  });

  it('is checked by the config schema: a waiver needs a reason and a selector', () => {
    const noReason = parseConfig('/x/.zoneguard.yml', 'waivers:\n  - rule: portal-two-tier\n');
    expect(noReason.diagnostics[0]?.message).toContain('`reason`');
    const noSelector = parseConfig('/x/.zoneguard.yml', 'waivers:\n  - reason: because\n');
    expect(noSelector.diagnostics.length).toBeGreaterThan(0);
    const good = parseConfig('/x/.zoneguard.yml', 'waivers:\n  - rule: portal-two-tier\n    reason: r\n    expires: 2027-06-30\n');
    expect(good.diagnostics).toEqual([]);
  });
});

describe('rules that only the config may suppress', () => {
  let packDir: string;
  beforeAll(async () => {
    packDir = await mkdtemp(join(tmpdir(), 'zoneguard-pack-'));
    await cp(new URL('../../../policies/tchq-2926', import.meta.url), packDir, { recursive: true });
    const file = join(packDir, 'internet-ingress-dmz-only.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('centralSuppressionOnly: false', 'centralSuppressionOnly: true'));
  });
  afterAll(() => rm(packDir, { recursive: true, force: true }));

  it('refuses an inline suppression with a diagnostic and keeps the finding', async () => {
    const text = `# zoneguard:ignore internet-ingress-dmz-only -- trying inline\n${GROUPS}`;
    const result = await scanFiles({ 'main.tf': text }, { ruleIds: RULE, packDir });
    expect(result.diagnostics.filter((d) => d.code === 'config-invalid' || d.code === 'rule-error')).toEqual([]);
    expect(outcomeOf(result.findings)).toEqual(['internet-ingress-dmz-only aws_security_group.web']);
    const refused = result.diagnostics.find((d) => d.code === 'suppression-invalid');
    expect(refused?.message).toContain('may only be suppressed in the config file');
    expect(refused?.location?.range?.startLine).toBe(1);
  });

  it('accepts a config waiver of the same rule', async () => {
    const result = await scanFiles({ 'main.tf': GROUPS }, (root) => ({
      ...withWaivers([{ rule: 'internet-ingress-dmz-only', reason: 'approved centrally' }])(root),
      packDir,
    }));
    expect(outcomeOf(result.findings)).toEqual(['internet-ingress-dmz-only aws_security_group.web suppressed(config)']);
  });
});
