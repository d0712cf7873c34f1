import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, scanProviderFiles, summaryOf, ZONING_RULES } from '../pipeline.ts';

const EXAMPLES = join(import.meta.dirname, '../../../../examples/azure');

describe('azure examples through the whole pipeline', () => {
  it('finds no zoning fault in the compliant network', async () => {
    const scan = await scanProviderFiles(await exampleFiles(join(EXAMPLES, 'compliant')));
    expect(scan.model.hosts.map((host) => host.id)).toHaveLength(2);
    expect(scan.diagnostics).toEqual([]);
    const zoning = scan.findings.filter((finding) => ZONING_RULES.includes(finding.ruleId));
    expect(summaryOf(zoning)).toEqual([]);
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
