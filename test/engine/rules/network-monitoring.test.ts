import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../harness.ts';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

const VPC = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
`;

const FLOW_LOG = `
resource "aws_flow_log" "main" {
  vpc_id       = aws_vpc.main.id
  traffic_type = "ALL"
}
`;

describe('network-monitoring on design files', () => {
  const valid = [
    { name: 'a system covering all zones', site: 'monitoring: { network: [all], networkSystem: Zabbix, showsConnections: true }' },
    { name: 'both zones named', site: 'monitoring: { network: [dmz, servers], showsConnections: true }' },
  ];
  for (const { name, site } of valid) {
    it(`passes ${name}`, async () => {
      expect(await runDesign('network-monitoring', designText('', site))).toEqual([]);
    });
  }

  const invalid = [
    { name: 'no monitoring', site: '', expected: [['site-not-monitored', '  dc:']] },
    { name: 'one zone left out', site: 'monitoring: { network: [dmz], showsConnections: true }', expected: [['zone-not-monitored', 'servers:']] },
    { name: 'no connection view', site: 'monitoring: { network: [all], networkSystem: Zabbix, showsConnections: false }', expected: [['no-connections', 'monitoring:']] },
  ];
  for (const { name, site, expected } of invalid) {
    it(`reports ${name}`, async () => {
      const text = designText('', site);
      const findings = await runDesign('network-monitoring', text);
      expect(summary(findings)).toEqual(expected.map(([id, at]) => [id, lineOf(text, at!)]));
    });
  }
});

describe('network-monitoring on Terraform', () => {
  it('passes a VPC with a flow log', async () => {
    const { findings } = await runOnHcl({ 'main.tf': VPC + FLOW_LOG }, { ruleIds: ['network-monitoring'] });
    expect(findings).toEqual([]);
  });

  it('stays silent on a module that shows no monitoring', async () => {
    const { findings } = await runOnHcl({ 'main.tf': VPC }, { ruleIds: ['network-monitoring'] });
    expect(findings).toEqual([]);
  });

  it('reports a second VPC the flow logs leave out', async () => {
    const other = 'resource "aws_vpc" "other" {\n  cidr_block = "10.9.0.0/16"\n}\n';
    const { findings } = await runOnHcl({ 'main.tf': VPC + FLOW_LOG, 'other.tf': other }, { ruleIds: ['network-monitoring'] });
    expect(findings.map((finding) => [finding.messageId, finding.address, finding.location.range?.startLine])).toEqual([
      ['site-not-monitored', 'aws_vpc.other', 1],
    ]);
  });
});
