import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.ts';
import type { Finding } from '../../../src/engine/types.ts';
import type { CaptureOutput } from '../../../src/integrations/pulumi/runner/captured.ts';
import { toPreview, toStackExport } from '../../../src/integrations/pulumi/runner/documents.ts';
import { scanPulumiFile } from '../../../src/integrations/pulumi/scan-file.ts';
import { scanPulumiProgram } from '../../../src/integrations/pulumi/scan-program.ts';
import { captureExample, EXAMPLES } from './capture-example.ts';
import { renderFixture } from './write-fixtures.ts';

/**
 * The Pulumi portal examples are the Terraform portal examples written in
 * Pulumi TypeScript. Under the mock runtime they give the same (rule,
 * resource) findings, with resource names mapped by the tables below.
 */

const SG = 'aws:ec2/securityGroup:SecurityGroup';
const SUBNET = 'aws:ec2/subnet:Subnet';
const ROUTES = 'aws:ec2/routeTable:RouteTable';
const ASSOCIATION = 'aws:ec2/routeTableAssociation:RouteTableAssociation';
const INSTANCE = 'aws:ec2/instance:Instance';

/** Every resource of each Terraform example, by its address, with its name in the Pulumi twin. */
const NAMES: Record<string, Record<string, string>> = {
  'portal-compliant': {
    'aws_vpc.portal': 'aws:ec2/vpc:Vpc::portal',
    'aws_subnet.zone["dmz"]': `${SUBNET}::zone-dmz`,
    'aws_subnet.zone["egress"]': `${SUBNET}::zone-egress`,
    'aws_subnet.zone["firewall"]': `${SUBNET}::zone-firewall`,
    'aws_subnet.zone["app"]': `${SUBNET}::zone-app`,
    'aws_subnet.zone["data"]': `${SUBNET}::zone-data`,
    'aws_subnet.zone["management"]': `${SUBNET}::zone-management`,
    'aws_internet_gateway.main': 'aws:ec2/internetGateway:InternetGateway::main',
    'aws_eip.nat': 'aws:ec2/eip:Eip::nat',
    'aws_nat_gateway.egress': 'aws:ec2/natGateway:NatGateway::egress',
    'aws_networkfirewall_rule_group.allowed_domains': 'aws:networkfirewall/ruleGroup:RuleGroup::allowed_domains',
    'aws_networkfirewall_firewall_policy.egress': 'aws:networkfirewall/firewallPolicy:FirewallPolicy::egress',
    'aws_networkfirewall_firewall.egress': 'aws:networkfirewall/firewall:Firewall::egress',
    'aws_route_table.public': `${ROUTES}::public`,
    'aws_route_table.nat': `${ROUTES}::nat`,
    'aws_route_table.firewall': `${ROUTES}::firewall`,
    'aws_route_table.inner': `${ROUTES}::inner`,
    'aws_route_table_association.public': `${ASSOCIATION}::public`,
    'aws_route_table_association.nat': `${ASSOCIATION}::nat`,
    'aws_route_table_association.firewall': `${ASSOCIATION}::firewall`,
    'aws_route_table_association.inner["app"]': `${ASSOCIATION}::inner-app`,
    'aws_route_table_association.inner["data"]': `${ASSOCIATION}::inner-data`,
    'aws_route_table_association.inner["management"]': `${ASSOCIATION}::inner-management`,
    'aws_security_group.alb': `${SG}::alb`,
    'aws_security_group.web': `${SG}::web`,
    'aws_security_group.db': `${SG}::db`,
    'aws_security_group.bastion': `${SG}::bastion`,
    'aws_vpc_security_group_egress_rule.alb_to_web': 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::alb_to_web',
    'aws_vpc_security_group_ingress_rule.web_from_alb': 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::web_from_alb',
    'aws_vpc_security_group_egress_rule.web_to_db': 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::web_to_db',
    'aws_vpc_security_group_ingress_rule.db_from_web': 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::db_from_web',
    'aws_lb.portal': 'aws:lb/loadBalancer:LoadBalancer::portal',
    'aws_lb_target_group.web': 'aws:lb/targetGroup:TargetGroup::web',
    'aws_lb_listener.https': 'aws:lb/listener:Listener::https',
    'aws_instance.web[0]': `${INSTANCE}::web-0`,
    'aws_instance.web[1]': `${INSTANCE}::web-1`,
    'aws_lb_target_group_attachment.web[0]': 'aws:lb/targetGroupAttachment:TargetGroupAttachment::web-0',
    'aws_lb_target_group_attachment.web[1]': 'aws:lb/targetGroupAttachment:TargetGroupAttachment::web-1',
    'aws_instance.bastion': `${INSTANCE}::bastion`,
    'aws_db_subnet_group.data': 'aws:rds/subnetGroup:SubnetGroup::data',
    'aws_db_parameter_group.audit': 'aws:rds/parameterGroup:ParameterGroup::audit',
    'aws_db_instance.portal': 'aws:rds/instance:Instance::portal',
  },
  'portal-noncompliant': {
    'aws_vpc.portal': 'aws:ec2/vpc:Vpc::portal',
    'aws_subnet.public': `${SUBNET}::public`,
    'aws_subnet.app': `${SUBNET}::app`,
    'aws_subnet.data': `${SUBNET}::data`,
    'aws_subnet.scratch': `${SUBNET}::scratch`,
    'aws_internet_gateway.main': 'aws:ec2/internetGateway:InternetGateway::main',
    'aws_route_table.public': `${ROUTES}::public`,
    'aws_route_table.app': `${ROUTES}::app`,
    'aws_route_table_association.public': `${ASSOCIATION}::public`,
    'aws_route_table_association.app': `${ASSOCIATION}::app`,
    'aws_security_group.web': `${SG}::web`,
    'aws_security_group.app': `${SG}::app`,
    'aws_security_group.db': `${SG}::db`,
    'aws_instance.web': `${INSTANCE}::web`,
    'aws_instance.app': `${INSTANCE}::app`,
    'aws_db_subnet_group.data': 'aws:rds/subnetGroup:SubnetGroup::data',
    'aws_db_instance.portal': 'aws:rds/instance:Instance::portal',
  },
};

function pairs(findings: readonly Finding[], rename: (address: string) => string = (a) => a): string[] {
  return findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId} ${rename(f.address)}`).sort();
}

function renamed(example: string): (address: string) => string {
  return (address) => {
    const pulumi = NAMES[example]?.[address];
    if (pulumi === undefined) throw new Error(`no Pulumi name for ${address}; add it to NAMES`);
    return pulumi;
  };
}

describe.each(Object.keys(NAMES))('the Pulumi example %s', (example) => {
  const dir = resolve(EXAMPLES, 'pulumi', example);
  let capture: CaptureOutput;
  let programFindings: Finding[];

  beforeAll(async () => {
    capture = await captureExample(example);
    programFindings = (await scanPulumiProgram(dir)).findings;
  }, 120_000);

  it('runs under the mock runtime without an error', () => {
    expect(capture.error).toBeUndefined();
    expect(capture.resources.filter((r) => r.type.startsWith('aws:')).length).toBeGreaterThan(10);
  });

  it('gives the same (rule, resource) failures as the Terraform example', async () => {
    const terraform = await scan([resolve(EXAMPLES, 'terraform', example)]);
    expect(pairs(programFindings)).toEqual(pairs(terraform.findings, renamed(example)));
  }, 60_000);

  it('points each finding at the line of index.ts that created the resource', () => {
    for (const finding of programFindings) {
      expect(finding.location.file).toBe(resolve(dir, 'index.ts'));
      expect(finding.location.range?.startLine).toBeGreaterThan(0);
    }
  });

  it('has preview.json and stack-export.json fixtures that match what the runner captures now', async () => {
    expect(await readFile(resolve(dir, 'preview.json'), 'utf8')).toBe(renderFixture(toPreview(capture)));
    expect(await readFile(resolve(dir, 'stack-export.json'), 'utf8')).toBe(renderFixture(toStackExport(capture)));
  });

  it.each(['preview.json', 'stack-export.json'])('gives the same failures from %s, at the file with no line', async (file) => {
    const result = await scanPulumiFile(resolve(dir, file));
    expect(pairs(result.findings)).toEqual(pairs(programFindings));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const finding of result.findings) expect(finding.location).toEqual({ file: resolve(dir, file) });
  });
});
