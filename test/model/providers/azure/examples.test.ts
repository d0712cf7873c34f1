import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, scanProviderFiles, summaryOf, ZONING_RULES } from '../pipeline.ts';

const EXAMPLES = join(import.meta.dirname, '../../../../examples/azure');

describe('azure examples through the whole pipeline', () => {
  it('finds no zoning fault in the compliant network', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    expect(scan.model.hosts.map((host) => host.id)).toHaveLength(4);
    expect(scan.diagnostics).toEqual([]);
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([]);
    expect(summaryOf(scan.findings.filter((finding) => finding.status === 'fail'))).toEqual([]);
  });

  it('publishes the compliant portal through a load balancer with two web VMs behind it', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    const balancer = scan.model.hosts.find((host) => host.id === 'azurerm_lb.portal')!;
    expect(balancer.loadBalancer?.internetFacing).toBe(true);
    expect(balancer.loadBalancer?.listeners.map((listener) => listener.port)).toEqual([443]);
    const pool = scan.model.targetGroups.find((group) => group.id === 'azurerm_lb_backend_address_pool.web')!;
    expect(balancer.loadBalancer?.targetGroupIds).toEqual([pool.id]);
    expect(pool.targetHostIds.sort()).toEqual(['azurerm_linux_virtual_machine.web[0]', 'azurerm_linux_virtual_machine.web[1]']);
  });

  it('finds RDP from the internet and SSH from anywhere in the noncompliant network', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'noncompliant')));
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([
      'internet-ingress-dmz-only azurerm_network_security_group.dmz fail',
      'internet-ingress-dmz-only azurerm_network_security_rule.app_ssh_from_mgmt fail',
      'management-ports-from-management-zone azurerm_network_security_group.dmz fail',
      'management-ports-from-management-zone azurerm_network_security_rule.app_ssh_from_mgmt fail',
    ]);
    const rdp = zoning.find((finding) => finding.address === 'azurerm_network_security_group.dmz')!;
    expect(rdp.message).toContain('3389');
  });
});
