// A portal built in a hurry: no management zone, an untagged subnet, and the
// application subnet routes straight to the Internet gateway. This is the
// Pulumi twin of examples/terraform/portal-noncompliant; resource names follow
// the Terraform names.
import * as aws from '@pulumi/aws';

// --- network ---------------------------------------------------------------

const vpc = new aws.ec2.Vpc('portal', { cidrBlock: '10.30.0.0/16', tags: { Name: 'portal-legacy' } });

const publicSubnet = new aws.ec2.Subnet('public', {
  vpcId: vpc.id,
  cidrBlock: '10.30.1.0/24',
  tags: { Name: 'portal-public', Zone: 'dmz' },
});

const appSubnet = new aws.ec2.Subnet('app', {
  vpcId: vpc.id,
  cidrBlock: '10.30.10.0/24',
  tags: { Name: 'portal-app', Zone: 'internal' },
});

const dataSubnet = new aws.ec2.Subnet('data', {
  vpcId: vpc.id,
  cidrBlock: '10.30.20.0/24',
  tags: { Name: 'portal-data', Zone: 'internal' },
});

new aws.ec2.Subnet('scratch', { vpcId: vpc.id, cidrBlock: '10.30.77.0/24' });

const internetGateway = new aws.ec2.InternetGateway('main', { vpcId: vpc.id });

const publicRoutes = new aws.ec2.RouteTable('public', {
  vpcId: vpc.id,
  routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id }],
});
new aws.ec2.RouteTableAssociation('public', { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });

const appRoutes = new aws.ec2.RouteTable('app', {
  vpcId: vpc.id,
  routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id }],
});
new aws.ec2.RouteTableAssociation('app', { subnetId: appSubnet.id, routeTableId: appRoutes.id });

// --- firewall --------------------------------------------------------------

const webGroup = new aws.ec2.SecurityGroup('web', {
  name: 'portal-web',
  vpcId: vpc.id,
  ingress: [
    { description: 'HTTPS', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] },
    { description: 'admin from anywhere', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] },
    { description: 'legacy uploads', protocol: 'tcp', fromPort: 21, toPort: 21, cidrBlocks: ['10.30.10.0/24'] },
    { description: 'application ports', protocol: 'tcp', fromPort: 1024, toPort: 65535, cidrBlocks: ['10.30.10.0/24'] },
  ],
});

const appGroup = new aws.ec2.SecurityGroup('app', {
  name: 'portal-app',
  vpcId: vpc.id,
  ingress: [{ description: 'everything from the web tier', protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['10.30.1.0/24'] }],
});

const dbGroup = new aws.ec2.SecurityGroup('db', {
  name: 'portal-db',
  vpcId: vpc.id,
  ingress: [
    { description: 'PostgreSQL from the application', protocol: 'tcp', fromPort: 5432, toPort: 5432, securityGroups: [appGroup.id] },
  ],
});

// --- compute ---------------------------------------------------------------

new aws.ec2.Instance('web', {
  ami: 'ami-0a1b2c3d4e5f60718',
  instanceType: 't3.medium',
  subnetId: publicSubnet.id,
  vpcSecurityGroupIds: [webGroup.id],
  associatePublicIpAddress: true,
  tags: { Name: 'portal-web', Role: 'web' },
  // The web server also runs its own database: a single tier.
  userData: '#!/bin/bash\napt-get install -y nginx mysql-server\n',
  ebsBlockDevices: [{ deviceName: '/dev/sdf', volumeSize: 200 }],
});

new aws.ec2.Instance('app', {
  ami: 'ami-0a1b2c3d4e5f60718',
  instanceType: 't3.large',
  subnetId: appSubnet.id,
  vpcSecurityGroupIds: [appGroup.id],
  sourceDestCheck: false,
  tags: { Name: 'portal-app', Role: 'web', RAID: 'raid1' },
});

// --- database --------------------------------------------------------------

const dataSubnets = new aws.rds.SubnetGroup('data', { name: 'portal-data', subnetIds: [dataSubnet.id] });

new aws.rds.Instance('portal', {
  identifier: 'portal',
  engine: 'postgres',
  instanceClass: 'db.t3.medium',
  allocatedStorage: 50,
  username: 'admin',
  password: 'changeme123',
  dbSubnetGroupName: dataSubnets.name,
  vpcSecurityGroupIds: [dbGroup.id],
  publiclyAccessible: true,
});
