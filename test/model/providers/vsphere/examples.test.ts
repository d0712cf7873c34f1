import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, scanProviderFiles, summaryOf, ZONING_RULES } from '../pipeline.ts';

const EXAMPLES = join(import.meta.dirname, '../../../../examples/vsphere');

describe('vsphere and nsx-t examples through the whole pipeline', () => {
  it('finds no zoning fault in the compliant network', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    expect(scan.diagnostics).toEqual([]);
    expect(scan.model.segments.map((segment) => [segment.id, segment.cidrs, segment.zone.zone])).toEqual([
      ['vsphere_distributed_port_group.mgmt', ['10.60.19.0/24'], 'management'],
      ['nsxt_policy_segment.dmz', ['10.60.1.0/24'], 'dmz'],
      ['nsxt_policy_segment.app', ['10.60.2.0/24'], 'internal'],
      ['nsxt_policy_segment.mgmt', ['10.60.9.0/24'], 'management'],
    ]);
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([]);
  });

  it('finds TELNET to the DMZ and SSH and RDP from anywhere to the application segment', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'noncompliant')));
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(zoning.map((finding) => `${finding.ruleId} ${finding.data['rule']}`).sort()).toEqual([
      'internet-ingress-dmz-only nsxt_policy_security_policy.zoning rule[0]',
      'internet-ingress-dmz-only nsxt_policy_security_policy.zoning rule[3]',
      'management-ports-from-management-zone nsxt_policy_security_policy.zoning rule[0]',
      'management-ports-from-management-zone nsxt_policy_security_policy.zoning rule[3]',
    ]);
    expect(summaryOf(zoning).every((line) => line.endsWith(' fail'))).toBe(true);
    expect(zoning.every((finding) => finding.location.file.endsWith('main.tf'))).toBe(true);
  });
});
