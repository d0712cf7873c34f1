// The customs web portal: four zones in one VPC. Subnet CIDRs are carved from
// the VPC range so that the zone plan follows the address plan. The VPC is
// rented hosting, so it carries the reference of the hosting agreement. This is the
// Pulumi twin of examples/terraform/portal-compliant; resource names follow
// the Terraform names (`zone-dmz` for aws_subnet.zone["dmz"]).
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const vpcCidr = config.get('vpcCidr') ?? '10.20.0.0/16';
const webAmi = config.get('webAmi') ?? 'ami-0a1b2c3d4e5f60718';
const webCount = config.getNumber('webCount') ?? 2;

/** The /24 with third octet `n` inside a /16: cidrsubnet(vpcCidr, 8, n). */
function carve(n: number): string {
  const [a, b] = vpcCidr.split('.');
  return `${a}.${b}.${n}.0/24`;
}

// --- network ---------------------------------------------------------------

const vpc = new aws.ec2.Vpc('portal', {
  cidrBlock: vpcCidr,
  enableDnsHostnames: true,
  tags: { Name: 'portal', Profile: 'portal', HostingAgreement: 'HD-2024-017' },
});

const zones = {
  dmz: { cidr: carve(1), zone: 'dmz' },
  egress: { cidr: carve(2), zone: 'internet-access' },
  firewall: { cidr: carve(3), zone: 'internet-access' },
  app: { cidr: carve(10), zone: 'internal' },
  data: { cidr: carve(20), zone: 'internal' },
  management: { cidr: carve(99), zone: 'management' },
};

const subnets = Object.fromEntries(
  Object.entries(zones).map(([key, { cidr, zone }]) => [
    key,
    new aws.ec2.Subnet(`zone-${key}`, {
      vpcId: vpc.id,
      cidrBlock: cidr,
      tags: { Name: `portal-${key}`, Zone: zone },
    }),
  ]),
) as Record<keyof typeof zones, aws.ec2.Subnet>;

const internetGateway = new aws.ec2.InternetGateway('main', { vpcId: vpc.id });
const natAddress = new aws.ec2.Eip('nat', { domain: 'vpc' });

// Outbound Internet access of the inner zones passes the network firewall in
// the internet-access zone, then the NAT gateway there. The firewall admits
// TLS and HTTP only to an allow-list of domains.
const natGateway = new aws.ec2.NatGateway('egress', {
  allocationId: natAddress.id,
  subnetId: subnets.egress.id,
});

const allowedDomains = new aws.networkfirewall.RuleGroup('allowed_domains', {
  name: 'portal-allowed-domains',
  type: 'STATEFUL',
  capacity: 100,
  ruleGroup: {
    rulesSource: {
      rulesSourceList: {
        generatedRulesType: 'ALLOWLIST',
        targetTypes: ['TLS_SNI', 'HTTP_HOST'],
        targets: ['.amazonaws.com', '.ubuntu.com', '.postgresql.org'],
      },
    },
  },
});

const egressPolicy = new aws.networkfirewall.FirewallPolicy('egress', {
  name: 'portal-egress',
  firewallPolicy: {
    statelessDefaultActions: ['aws:forward_to_sfe'],
    statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
    statefulRuleGroupReferences: [{ resourceArn: allowedDomains.arn }],
  },
});

const egressFirewall = new aws.networkfirewall.Firewall('egress', {
  name: 'portal-egress',
  firewallPolicyArn: egressPolicy.arn,
  vpcId: vpc.id,
  subnetMappings: [{ subnetId: subnets.firewall.id }],
});

/** The endpoint the firewall places in the firewall subnet; unknown until the firewall exists. */
const firewallEndpoint = egressFirewall.firewallStatuses.apply(
  (statuses) => statuses?.[0]?.syncStates?.[0]?.attachments?.[0]?.endpointId ?? '',
);

const innerSubnets = ['app', 'data', 'management'] as const;

const publicRoutes = new aws.ec2.RouteTable('public', {
  vpcId: vpc.id,
  routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id }],
});

// The NAT gateway's subnet sends replies to the inner zones back through the
// firewall, so that it sees both directions of each connection.
const natRoutes = new aws.ec2.RouteTable('nat', {
  vpcId: vpc.id,
  routes: [
    { cidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id },
    ...innerSubnets.map((key) => ({ cidrBlock: zones[key].cidr, vpcEndpointId: firewallEndpoint })),
  ],
});

const firewallRoutes = new aws.ec2.RouteTable('firewall', {
  vpcId: vpc.id,
  routes: [{ cidrBlock: '0.0.0.0/0', natGatewayId: natGateway.id }],
});

const innerRoutes = new aws.ec2.RouteTable('inner', {
  vpcId: vpc.id,
  routes: [{ cidrBlock: '0.0.0.0/0', vpcEndpointId: firewallEndpoint }],
});

new aws.ec2.RouteTableAssociation('public', { subnetId: subnets.dmz.id, routeTableId: publicRoutes.id });
new aws.ec2.RouteTableAssociation('nat', { subnetId: subnets.egress.id, routeTableId: natRoutes.id });
new aws.ec2.RouteTableAssociation('firewall', { subnetId: subnets.firewall.id, routeTableId: firewallRoutes.id });
for (const key of innerSubnets) {
  new aws.ec2.RouteTableAssociation(`inner-${key}`, { subnetId: subnets[key].id, routeTableId: innerRoutes.id });
}

// --- firewall --------------------------------------------------------------
// Rules that name another group are separate resources, as in the Terraform
// example: two groups whose inline rules name each other form a cycle.

const albGroup = new aws.ec2.SecurityGroup('alb', {
  name: 'portal-alb',
  vpcId: vpc.id,
  ingress: [{ description: 'HTTPS from the Internet', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] }],
});

const webGroup = new aws.ec2.SecurityGroup('web', {
  name: 'portal-web',
  vpcId: vpc.id,
  ingress: [
    { description: 'SSH from the management zone', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [subnets.management.cidrBlock] },
  ],
});

const dbGroup = new aws.ec2.SecurityGroup('db', { name: 'portal-db', vpcId: vpc.id });

const bastionGroup = new aws.ec2.SecurityGroup('bastion', {
  name: 'portal-bastion',
  vpcId: vpc.id,
  egress: [{ description: 'SSH to the servers', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [vpcCidr] }],
});

/** One port from one group to another: the egress rule of `from` and the ingress rule of `to`. */
function allow(name: string, from: aws.ec2.SecurityGroup, to: aws.ec2.SecurityGroup, port: number, reverse: string): void {
  new aws.vpc.SecurityGroupEgressRule(name, {
    securityGroupId: from.id,
    referencedSecurityGroupId: to.id,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
  });
  new aws.vpc.SecurityGroupIngressRule(reverse, {
    securityGroupId: to.id,
    referencedSecurityGroupId: from.id,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
  });
}

allow('alb_to_web', albGroup, webGroup, 8443, 'web_from_alb');
allow('web_to_db', webGroup, dbGroup, 5432, 'db_from_web');

// --- compute ---------------------------------------------------------------

const loadBalancer = new aws.lb.LoadBalancer('portal', {
  name: 'portal',
  loadBalancerType: 'application',
  internal: false,
  subnets: [subnets.dmz.id],
  securityGroups: [albGroup.id],
});

const webTargets = new aws.lb.TargetGroup('web', { name: 'portal-web', port: 8443, protocol: 'HTTPS', vpcId: vpc.id });

new aws.lb.Listener('https', {
  loadBalancerArn: loadBalancer.arn,
  port: 443,
  protocol: 'HTTPS',
  certificateArn: 'arn:aws:acm:ap-southeast-1:111122223333:certificate/portal',
  defaultActions: [{ type: 'forward', targetGroupArn: webTargets.arn }],
});

for (let i = 0; i < webCount; i++) {
  const web = new aws.ec2.Instance(`web-${i}`, {
    ami: webAmi,
    instanceType: 't3.medium',
    subnetId: subnets.dmz.id,
    vpcSecurityGroupIds: [webGroup.id],
    tags: { Name: `portal-web-${i}`, Role: 'web', RAID: 'raid1', RaidDisks: '2' },
  });
  new aws.lb.TargetGroupAttachment(`web-${i}`, { targetGroupArn: webTargets.arn, targetId: web.id });
}

new aws.ec2.Instance('bastion', {
  ami: webAmi,
  instanceType: 't3.micro',
  subnetId: subnets.management.id,
  vpcSecurityGroupIds: [bastionGroup.id],
  tags: { Name: 'portal-bastion', Role: 'bastion', RAID: 'raid1', RaidDisks: '2' },
});

// --- database --------------------------------------------------------------

const dataSubnets = new aws.rds.SubnetGroup('data', { name: 'portal-data', subnetIds: [subnets.data.id] });

// pgaudit writes reads, writes and schema changes to the PostgreSQL log, which
// the instance exports to CloudWatch Logs.
const auditParameters = new aws.rds.ParameterGroup('audit', {
  name: 'portal-audit',
  family: 'postgres16',
  parameters: [
    { name: 'shared_preload_libraries', value: 'pgaudit', applyMethod: 'pending-reboot' },
    { name: 'pgaudit.log', value: 'read,write,ddl,role' },
  ],
});

new aws.rds.Instance('portal', {
  identifier: 'portal',
  engine: 'postgres',
  engineVersion: '16.4',
  instanceClass: 'db.t3.medium',
  allocatedStorage: 50,
  username: 'portal_admin',
  manageMasterUserPassword: true,
  dbSubnetGroupName: dataSubnets.name,
  parameterGroupName: auditParameters.name,
  enabledCloudwatchLogsExports: ['postgresql'],
  vpcSecurityGroupIds: [dbGroup.id],
  publiclyAccessible: false,
  backupRetentionPeriod: 14,
  tags: { Role: 'database' },
});

export const loadBalancerDns = loadBalancer.dnsName;
