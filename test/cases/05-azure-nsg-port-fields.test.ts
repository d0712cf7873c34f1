import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.ts';
import { scanProviderFiles, type ProviderScan } from '../model/providers/pipeline.ts';

/**
 * NSG port and address settings are read in every accepted form: a number, a
 * numeric string, "a-b", "*", singular and plural. Inline rules and rule
 * resources of one NSG are one ordered set, and an invalid range is a
 * diagnostic plus a rule reported as not evaluated.
 */

const NSG_TF = `resource "azurerm_network_security_group" "edge" {
  name                = "nsg-edge"
  location            = "westeurope"
  resource_group_name = "rg-net"
  tags                = { Zone = "dmz" }

  security_rule {
    name                       = "dns"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Udp"
    source_port_range          = "*"
    destination_port_range     = 53
    source_address_prefix      = "0.0.0.0/0"
    destination_address_prefix = "10.1.0.4"
  }
}

resource "azurerm_network_security_rule" "mgmt_bundle" {
  name                        = "mgmt-bundle"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["20-23", "3389", "8443"]
  source_address_prefix       = "0.0.0.0/0"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-net"
  network_security_group_name = azurerm_network_security_group.edge.name
}

resource "azurerm_network_security_rule" "typo" {
  name                        = "typo"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22-"
  source_address_prefix       = "0.0.0.0/0"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-net"
  network_security_group_name = azurerm_network_security_group.edge.name
}
`;

const EDGE = 'azurerm_network_security_group.edge';
const BUNDLE = 'azurerm_network_security_rule.mgmt_bundle';
const TYPO = 'azurerm_network_security_rule.typo';

function findingsOf(scan: ProviderScan, address: string, ruleId: string): Finding[] {
  return scan.findings.filter((finding) => finding.address === address && finding.ruleId === ruleId);
}

describe('Azure NSG port fields', () => {
  let scan: ProviderScan;
  beforeAll(async () => {
    scan = await scanProviderFiles({ 'nsg.tf': NSG_TF });
  });

  it('reads a number, a numeric string, a range and the plural form', () => {
    const rules = scan.model.firewallSets.find((set) => set.id === EDGE)!.rules;
    expect(rules.find((rule) => rule.id === `${EDGE}/security_rule[0]`)!.ports).toEqual([{ from: 53, to: 53 }]);
    expect(rules.find((rule) => rule.id === BUNDLE)!.ports).toEqual([
      { from: 20, to: 23 },
      { from: 3389, to: 3389 },
      { from: 8443, to: 8443 },
    ]);
  });

  it('reads the singular and plural address prefixes as peers and local peers', () => {
    const dns = scan.model.firewallSets[0]!.rules.find((rule) => rule.path === 'security_rule[0]')!;
    expect(dns.peers).toMatchObject([{ kind: 'cidr', cidr: '0.0.0.0/0' }]);
    expect(dns.localPeers).toMatchObject([{ kind: 'cidr', cidr: '10.1.0.4/32' }]);
  });

  it('merges the inline rule and both rule resources into one ordered set', () => {
    expect(scan.model.firewallSets.map((set) => set.id)).toEqual([EDGE]);
    const set = scan.model.firewallSets[0]!;
    expect(set.kind).toBe('ordered-policy');
    expect(set.rules.map((rule) => [rule.id, rule.order])).toEqual([
      [`${EDGE}/security_rule[0]`, 100],
      [BUNDLE, 110],
      [TYPO, 120],
    ]);
  });

  it('gives dns no management or insecure-protocol finding, and an ingress finding for 53/udp only', () => {
    const dnsFindings = findingsOf(scan, EDGE, 'management-ports-from-management-zone').concat(
      findingsOf(scan, EDGE, 'service-insecure-protocol'),
    );
    expect(dnsFindings).toEqual([]);
    const ingress = findingsOf(scan, EDGE, 'internet-ingress-dmz-only');
    expect(ingress).toHaveLength(1);
    expect(ingress[0]!.status).toBe('fail');
    expect(ingress[0]!.message).toContain('udp 53 ');
    expect(ingress[0]!.message).not.toMatch(/tcp|udp 5[0-24-9]/);
  });

  it('reports ftp 20-21 and telnet 23 of mgmt_bundle as insecure protocols', () => {
    const found = findingsOf(scan, BUNDLE, 'service-insecure-protocol');
    expect(found.map((finding) => finding.status)).toEqual(['fail']);
    expect(found[0]!.message).toContain('ftp tcp 20-21');
    expect(found[0]!.message).toContain('telnet tcp 23');
    expect(found[0]!.message).not.toContain('3389');
  });

  it('reports 22, 23 and 3389 of mgmt_bundle as management ports', () => {
    const found = findingsOf(scan, BUNDLE, 'management-ports-from-management-zone');
    expect(found.map((finding) => finding.status)).toEqual(['fail']);
    expect(found[0]!.message).toContain('ssh tcp 22, telnet tcp 23, rdp tcp 3389');
    expect(found[0]!.message).not.toContain('8443');
  });

  it('reports 20-23, 3389 and 8443 of mgmt_bundle as unpublished ports reached from outside', () => {
    const found = findingsOf(scan, BUNDLE, 'internet-ingress-dmz-only');
    expect(found.map((finding) => finding.status)).toEqual(['fail']);
    expect(found[0]!.message).toContain('tcp 20-23, 3389, 8443 ');
  });

  it('diagnoses "22-" at the line of destination_port_range in nsg.tf', () => {
    const invalid = scan.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-port-range');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.location?.file.endsWith('nsg.tf')).toBe(true);
    expect(invalid[0]!.location?.range?.startLine).toBe(NSG_TF.split('\n').findIndex((line) => line.includes('"22-"')) + 1);
    expect(invalid[0]!.message).toContain('"22-"');
  });

  it('reports typo as not evaluated, never as passing or failing, and scans the rest', () => {
    const found = scan.findings.filter((finding) => finding.address === TYPO);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((finding) => finding.status === 'unknown' && finding.messageId === 'not-evaluated')).toBe(true);
    expect(scan.findings.some((finding) => finding.address === BUNDLE)).toBe(true);
  });
});
