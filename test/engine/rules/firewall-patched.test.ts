import { describe, expect, it } from 'vitest';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

function firewall(fields: string): string {
  return designText('', `firewalls:\n  edge:\n${fields.split('\n').map((line) => `    ${line}`).join('\n')}`);
}

describe('firewall-patched', () => {
  const valid = [
    { name: 'patched 90 days ago on a supported version', fields: 'version: "7.2.8"\nendOfSupport: "2026-09-30"\nlastPatch: "2025-03-03"' },
    { name: 'patched last month', fields: 'lastPatch: "2025-05-01"' },
  ];
  for (const { name, fields } of valid) {
    it(`passes ${name}`, async () => {
      expect(await runDesign('firewall-patched', firewall(fields))).toEqual([]);
    });
  }

  const invalid = [
    { name: 'patch older than 90 days', fields: 'lastPatch: "2025-03-02"', expected: [['patch-old', 'lastPatch']], data: { lastPatch: '2025-03-02', limit: 90 } },
    { name: 'version out of support', fields: 'version: "6.0.1"\nendOfSupport: "2024-09-30"\nlastPatch: "2025-05-01"', expected: [['version-unsupported', 'endOfSupport']], data: { version: '6.0.1', endOfSupport: '2024-09-30' } },
    { name: 'no patch date', fields: 'model: FortiGate 100F', expected: [['patch-not-recorded', 'edge:']], data: { firewall: 'dc.edge' } },
  ];
  for (const { name, fields, expected, data } of invalid) {
    it(`reports ${name}`, async () => {
      const text = firewall(fields);
      const findings = await runDesign('firewall-patched', text);
      expect(summary(findings)).toEqual(expected.map(([id, at]) => [id, lineOf(text, at!)]));
      expect(findings[0]?.data).toMatchObject(data);
      expect(findings[0]?.address).toBe('sites.dc.firewalls.edge');
    });
  }

  it('says the 90-day limit is zoneguard\'s default', async () => {
    const findings = await runDesign('firewall-patched', firewall('lastPatch: "2024-01-01"'));
    expect(findings[0]?.restsOn).toEqual(['maxPatchAgeDays']);
  });
});
