import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, scanProviderFiles, summaryOf, ZONING_RULES } from '../pipeline.ts';

const EXAMPLES = join(import.meta.dirname, '../../../../examples/fortios');

describe('fortios examples through the whole pipeline', () => {
  it('finds no zoning fault in the compliant firewall', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    expect(scan.diagnostics).toEqual([]);
    expect(scan.model.segments.map((segment) => segment.zone.zone)).toEqual(['dmz', 'internal', 'management']);
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([]);
  });

  it('finds TELNET into the DMZ and SSH and RDP into the internal network in the noncompliant firewall', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'noncompliant')));
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([
      'internet-ingress-dmz-only fortios_firewall_policy.admin_in fail',
      'internet-ingress-dmz-only fortios_firewall_policy.web_in fail',
      'management-ports-from-management-zone fortios_firewall_policy.admin_in fail',
      'management-ports-from-management-zone fortios_firewall_policy.web_in fail',
    ]);
    const admin = zoning.find((finding) => finding.address.endsWith('admin_in') && finding.ruleId === 'management-ports-from-management-zone')!;
    expect(admin.message).toContain('ssh tcp 22, rdp tcp 3389');
  });
});
