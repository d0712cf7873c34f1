import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeReachability } from '../../../src/analysis/reachability/index.ts';
import { runRules } from '../../../src/engine/run.ts';
import { loadDesign } from '../../../src/loaders/design/index.ts';
import { designToModel } from '../../../src/model/design/index.ts';
import { builtInPack } from '../harness.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function run(firewall: string) {
  const folder = await mkdtemp(join(tmpdir(), 'zoneguard-fw-'));
  folders.push(folder);
  const file = join(folder, 'dc.zoneguard.yml');
  await writeFile(file, `version: 1\nsites:\n  dc:\n    zones: { dmz: { cidrs: [10.1.1.0/24] } }\n    firewalls:\n      edge: ${firewall}\n`);
  const model = designToModel((await loadDesign(file)).design!);
  const pack = await builtInPack();
  const output = runRules({
    model,
    reachability: computeReachability(model),
    pack,
    language: 'en',
    ruleIds: ['firewall-continuity'],
    strict: true,
    now: new Date('2025-06-01T00:00:00Z'),
  });
  return output.findings;
}

describe('firewall-continuity', () => {
  const valid = [
    { name: 'HA pair under support', firewall: '{ continuity: ha-pair, supportUntil: "2026-01-01" }' },
    { name: 'spare under support', firewall: '{ continuity: spare, supportUntil: "2025-06-01" }' },
  ];
  for (const { name, firewall } of valid) {
    it(`passes ${name}`, async () => {
      expect(await run(firewall)).toEqual([]);
    });
  }

  const invalid = [
    { name: 'no redundancy', firewall: '{ continuity: none, supportUntil: "2026-01-01" }', messageId: 'no-redundancy' },
    { name: 'support ended', firewall: '{ continuity: ha-pair, supportUntil: "2025-05-31" }', messageId: 'support-ended' },
    { name: 'support not recorded', firewall: '{ continuity: ha-pair }', messageId: 'no-support' },
  ];
  for (const { name, firewall, messageId } of invalid) {
    it(`reports ${name}`, async () => {
      const findings = await run(firewall);
      expect(findings.map((finding) => finding.messageId)).toEqual([messageId]);
      expect(findings[0]?.address).toBe('sites.dc.firewalls.edge');
      expect(findings[0]?.location.range?.startLine).toBe(6);
    });
  }
});
