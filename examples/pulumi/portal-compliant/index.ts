// The customs web portal: four zones in one VPC. Subnet CIDRs are carved from
// the VPC range so that the zone plan follows the address plan. This is the
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
  tags: { Name: 'portal', Profile: 'portal' },
});

const zones = {
  dmz: { cidr: carve(1), zone: 'dmz' },
  egress: { cidr: carve(2), zone: 'internet-access' },
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

// Outbound Internet access of the inner zones leaves through the NAT gateway in
// the internet-access zone.
const natGateway = new aws.ec2.NatGateway('egress', {
  allocationId: natAddress.id,
  subnetId: subnets.egress.id,
});

const publicRoutes = new aws.ec2.RouteTable('public', {
  vpcId: vpc.id,
  routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id }],
});

const innerRoutes = new aws.ec2.RouteTable('inner', {
  vpcId: vpc.id,
  routes: [{ cidrBlock: '0.0.0.0/0', natGatewayId: natGateway.id }],
});

for (const key of ['dmz', 'egress'] as const) {
  new aws.ec2.RouteTableAssociation(`public-${key}`, { subnetId: subnets[key].id, routeTableId: publicRoutes.id });
}
for (const key of ['app', 'data', 'management'] as const) {
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

new aws.rds.Instance('portal', {
  identifier: 'portal',
  engine: 'postgres',
  engineVersion: '16.4',
  instanceClass: 'db.t3.medium',
  allocatedStorage: 50,
  username: 'portal_admin',
  manageMasterUserPassword: true,
  dbSubnetGroupName: dataSubnets.name,
  vpcSecurityGroupIds: [dbGroup.id],
  publiclyAccessible: false,
  backupRetentionPeriod: 14,
  tags: { Role: 'database' },
});

export const loadBalancerDns = loadBalancer.dnsName;
