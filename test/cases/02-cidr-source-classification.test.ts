import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';
import { caseFile } from '../fixtures/cases/read.ts';

const MAIN = caseFile('case-02', 'main.tf');

describe('source CIDRs parsed as ranges', () => {
  it('reads every spelling of the internet and keeps narrow ranges narrow', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    expect(summaryOf(findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group_rule.bad_cidr unknown',
      'internet-ingress-dmz-only aws_security_group_rule.split_world_ssh fail',
      'internet-ingress-dmz-only aws_security_group_rule.ssh_v6 fail',
      'internet-ingress-dmz-only aws_vpc_security_group_ingress_rule.rdp_v6_long_form fail',
      'management-ports-from-management-zone aws_security_group_rule.bad_cidr unknown',
      'management-ports-from-management-zone aws_security_group_rule.split_world_ssh fail',
      'management-ports-from-management-zone aws_security_group_rule.ssh_v6 fail',
      'management-ports-from-management-zone aws_vpc_security_group_ingress_rule.rdp_v6_long_form fail',
    ]);
  });

  it('names the exposed service of each rule', async () => {
    const findings = await scanFiles(['management-ports-from-management-zone'], { 'main.tf': MAIN });
    const services = Object.fromEntries(findings.map((finding) => [finding.address, finding.data.services]));
    expect(services['aws_security_group_rule.ssh_v6']).toBe('ssh tcp 22');
    expect(services['aws_vpc_security_group_ingress_rule.rdp_v6_long_form']).toBe('rdp tcp 3389');
    expect(services['aws_security_group_rule.split_world_ssh']).toBe('ssh tcp 22');
  });

  it('reports the invalid prefix as not evaluated, naming the value', async () => {
    const findings = await scanFiles(['internet-ingress-dmz-only'], { 'main.tf': MAIN });
    const bad = findings.find((finding) => finding.address === 'aws_security_group_rule.bad_cidr');
    expect(bad?.messageId).toBe('not-evaluated');
    expect(bad?.data.expression).toBe('10.0.0.0/33');
    expect(bad?.location.range?.startLine).toBe(54);
  });
});
