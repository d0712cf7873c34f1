import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, scanProviderFiles, summaryOf, ZONING_RULES } from '../pipeline.ts';

const EXAMPLES = join(import.meta.dirname, '../../../../examples/panos');

describe('panos examples through the whole pipeline', () => {
  it('finds no zoning fault in the compliant firewall', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    expect(scan.diagnostics).toEqual([]);
    expect(scan.model.segments.map((segment) => [segment.name, segment.cidrs, segment.zone.zone])).toEqual([
      ['dmz', ['10.50.1.0/24'], 'dmz'],
      ['internal', ['10.50.2.0/24'], 'internal'],
      ['mgmt', ['10.50.9.0/24'], 'management'],
    ]);
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([]);
  });

  it('finds telnet into the DMZ and SSH and RDP into the internal zone in the noncompliant firewall', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'noncompliant')));
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([
      'internet-ingress-dmz-only panos_security_policy.main fail',
      'internet-ingress-dmz-only panos_security_policy.main fail',
      'management-ports-from-management-zone panos_security_policy.main fail',
      'management-ports-from-management-zone panos_security_policy.main fail',
    ]);
    const paths = zoning.map((finding) => finding.data['rule']).sort();
    expect(paths).toEqual([
      'panos_security_policy.main rule[0]',
      'panos_security_policy.main rule[0]',
      'panos_security_policy.main rule[3]',
      'panos_security_policy.main rule[3]',
    ]);
  });
});
