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
    expect(summaryOf(scan.findings.filter((finding) => finding.status === 'fail'))).toEqual([]);
  });

  it('publishes the compliant portal through a load balancer whose floating IP makes it internet-facing', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    const balancer = scan.model.hosts.find((host) => host.id === 'openstack_lb_loadbalancer_v2.portal')!;
    expect(balancer.loadBalancer?.internetFacing).toBe(true);
    expect(balancer.segmentIds).toEqual(['openstack_networking_subnet_v2.dmz']);
    expect(balancer.loadBalancer?.listeners.map((listener) => listener.port)).toEqual([443]);
    const pool = scan.model.targetGroups.find((group) => group.id === 'openstack_lb_pool_v2.web')!;
    expect(balancer.loadBalancer?.targetGroupIds).toEqual([pool.id]);
    expect(pool.targetHostIds.sort()).toEqual(['openstack_compute_instance_v2.web[0]', 'openstack_compute_instance_v2.web[1]']);
    const web = scan.model.hosts.filter((host) => host.id.startsWith('openstack_compute_instance_v2.web'));
    expect(web.map((host) => host.publicAddress)).toEqual([false, false]);
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
