import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';
import { caseFile } from '../fixtures/cases/read.ts';

const MAIN = caseFile('case-01', 'main.tf');

describe('protocol all, numeric and port-less protocols', () => {
  it('yields one finding per (firewall rule, rule id)', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    expect(summaryOf(findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group.db fail',
      'internet-ingress-dmz-only aws_security_group.vpn fail',
      'internet-ingress-dmz-only aws_security_group.vpn fail',
      'internet-ingress-dmz-only aws_security_group.vpn fail',
      'internet-ingress-dmz-only aws_security_group.vpn fail',
      'internet-ingress-dmz-only aws_security_group_rule.legacy_all fail',
      'management-ports-from-management-zone aws_security_group.db fail',
      'management-ports-from-management-zone aws_security_group.vpn fail',
      'management-ports-from-management-zone aws_security_group.vpn fail',
      'management-ports-from-management-zone aws_security_group_rule.legacy_all fail',
      'service-insecure-protocol aws_security_group.db fail',
      'service-insecure-protocol aws_security_group_rule.legacy_all fail',
      'service-port-range-wide aws_security_group.db fail',
      'service-port-range-wide aws_security_group_rule.legacy_all fail',
    ]);
  });

  it('judges the all-protocol rule the same whatever its ports', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    const inline = findings.filter((finding) => finding.address === 'aws_security_group.db');
    const legacy = findings.filter((finding) => finding.address === 'aws_security_group_rule.legacy_all');
    expect(legacy.map((finding) => finding.data.services)).toEqual(inline.map((finding) => finding.data.services));
    const management = inline.find((finding) => finding.ruleId === 'management-ports-from-management-zone');
    for (const port of ['tcp 22', 'tcp 23', 'tcp 3389', 'udp 3389', 'tcp 5985-5986', 'tcp 5900-5903', 'udp 161-162', 'udp 623']) {
      expect(String(management?.data.services)).toContain(port);
    }
    const insecure = inline.find((finding) => finding.ruleId === 'service-insecure-protocol');
    for (const service of ['ftp tcp 20-21', 'telnet tcp 23', 'tftp udp 69']) {
      expect(String(insecure?.data.services)).toContain(service);
    }
    const ingress = inline.find((finding) => finding.ruleId === 'internet-ingress-dmz-only');
    expect(ingress?.data.zones).toBe('internal');
  });

  it('locates each finding inside its block or resource', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    const lines = (address: string) => findings.filter((finding) => finding.address === address).map((finding) => finding.location.range?.startLine ?? 0);
    expect(lines('aws_security_group.db').every((line) => line >= 6 && line <= 12)).toBe(true);
    expect(lines('aws_security_group_rule.legacy_all').every((line) => line >= 15 && line <= 22)).toBe(true);
  });

  it('reports icmp and gre in the DMZ only as unpublished ports', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    const vpn = findings.filter((finding) => finding.address === 'aws_security_group.vpn');
    const services = vpn.map((finding) => `${finding.ruleId} ${finding.data.services}`).sort();
    expect(services).toEqual([
      'internet-ingress-dmz-only icmp',
      'internet-ingress-dmz-only protocol 47',
      'internet-ingress-dmz-only tcp 22',
      'internet-ingress-dmz-only udp 3389',
      'management-ports-from-management-zone rdp udp 3389',
      'management-ports-from-management-zone ssh tcp 22',
    ]);
  });
});
