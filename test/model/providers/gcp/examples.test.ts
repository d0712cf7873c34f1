import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, scanProviderFiles, summaryOf, ZONING_RULES } from '../pipeline.ts';

const EXAMPLES = join(import.meta.dirname, '../../../../examples/gcp');

describe('gcp examples through the whole pipeline', () => {
  it('finds no zoning fault in the compliant network', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    expect(scan.model.hosts.map((host) => host.id)).toHaveLength(5);
    expect(scan.diagnostics).toEqual([]);
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([]);
    expect(summaryOf(scan.findings.filter((finding) => finding.status === 'fail'))).toEqual([]);
  });

  it('publishes the compliant portal through an external forwarding rule to a pool of two instances', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    const balancer = scan.model.hosts.find((host) => host.id === 'google_compute_forwarding_rule.https')!;
    expect(balancer.loadBalancer?.internetFacing).toBe(true);
    expect(balancer.loadBalancer?.listeners.map((listener) => listener.port)).toEqual([443]);
    expect(balancer.siteId).toBe('google_compute_network.core');
    const pool = scan.model.targetGroups.find((group) => group.id === 'google_compute_target_pool.web')!;
    expect(balancer.loadBalancer?.targetGroupIds).toEqual([pool.id]);
    expect(pool.targetHostIds.sort()).toEqual(['google_compute_instance.web[0]', 'google_compute_instance.web[1]']);
    expect(scan.model.sites[0]!.tags).toEqual({ hostingagreement: 'hd-2024-022' });
    expect(scan.model.evidence?.auditTrails.map((trail) => trail.scope)).toEqual([['google_sql_database_instance.orders']]);
  });

  it('finds SSH from the internet and a database open to 0.0.0.0/0 in the noncompliant network', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'noncompliant')));
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([
      'internet-ingress-dmz-only google_compute_firewall.ssh_from_mgmt fail',
      'internet-ingress-dmz-only google_sql_database_instance.orders fail',
      'management-ports-from-management-zone google_compute_firewall.ssh_from_mgmt fail',
    ]);
    const ssh = zoning.find((finding) => finding.ruleId === 'management-ports-from-management-zone')!;
    expect(ssh.message).toContain('ssh tcp 22');
    expect(ssh.message).toContain('google_compute_instance.app');
  });
});
