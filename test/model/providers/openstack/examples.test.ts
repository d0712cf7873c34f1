import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, scanProviderFiles, summaryOf, ZONING_RULES } from '../pipeline.ts';

const EXAMPLES = join(import.meta.dirname, '../../../../examples/openstack');

describe('openstack examples through the whole pipeline', () => {
  it('finds no zoning fault in the compliant network', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    expect(scan.diagnostics).toEqual([]);
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([]);
  });

  it('finds SSH from the internet and an application server open to every zone in the noncompliant network', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'noncompliant')));
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([
      'internet-ingress-dmz-only openstack_networking_secgroup_rule_v2.web_ssh fail',
      'management-ports-from-management-zone openstack_networking_secgroup_rule_v2.app_any fail',
      'management-ports-from-management-zone openstack_networking_secgroup_rule_v2.web_ssh fail',
    ]);
    // The application subnet has no router to the internet, so only the DMZ is reached from outside.
    const closed = scan.reachability.flows.filter((flow) => flow.ruleId.endsWith('.app_any') && flow.source.kind === 'internet');
    expect(closed.map((flow) => flow.outsidePath)).toEqual(['closed']);
  });
});
