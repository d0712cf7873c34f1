// A portal built in a hurry, the same design as examples/terraform/portal-noncompliant:
// no management zone, an untagged subnet, the application subnet routed straight to
// the Internet gateway, SSH open to the world and a public database.
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance/index.js';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group/index.js';
import { Instance } from '@cdktf/provider-aws/lib/instance/index.js';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway/index.js';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table/index.js';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';

const AMI = 'ami-0a1b2c3d4e5f60718';

/** The VPC, its subnets and the routes out of them. */
class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnet: Subnet;
  readonly appSubnet: Subnet;
  readonly dataSubnet: Subnet;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.vpc = new Vpc(this, 'vpc', { cidrBlock: '10.30.0.0/16', tags: { Name: 'portal-legacy' } });
    this.publicSubnet = this.subnet('public', '10.30.1.0/24', 'dmz');
    this.appSubnet = this.subnet('app', '10.30.10.0/24', 'internal');
    this.dataSubnet = this.subnet('data', '10.30.20.0/24', 'internal');
    new Subnet(this, 'scratch', { vpcId: this.vpc.id, cidrBlock: '10.30.77.0/24' });

    const gateway = new InternetGateway(this, 'igw', { vpcId: this.vpc.id });
    this.routeToInternet('public', this.publicSubnet, gateway);
    this.routeToInternet('app', this.appSubnet, gateway);
  }

  private subnet(name: string, cidrBlock: string, zone: string): Subnet {
    return new Subnet(this, name, {
      vpcId: this.vpc.id,
      cidrBlock,
      tags: { Name: `portal-${name}`, Zone: zone },
    });
  }

  private routeToInternet(name: string, subnet: Subnet, gateway: InternetGateway): void {
    const table = new RouteTable(this, `${name}-routes`, {
      vpcId: this.vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: gateway.id }],
    });
    new RouteTableAssociation(this, `${name}-association`, { subnetId: subnet.id, routeTableId: table.id });
  }
}

/** The security groups of the web, application and database tiers. */
class Firewall extends Construct {
  readonly web: SecurityGroup;
  readonly app: SecurityGroup;
  readonly db: SecurityGroup;

  constructor(scope: Construct, id: string, network: Network) {
    super(scope, id);
    const vpcId = network.vpc.id;
    this.web = new SecurityGroup(this, 'web', {
      name: 'portal-web',
      vpcId,
      ingress: [
        { description: 'HTTPS', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] },
        { description: 'admin from anywhere', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] },
        { description: 'legacy uploads', protocol: 'tcp', fromPort: 21, toPort: 21, cidrBlocks: ['10.30.10.0/24'] },
        { description: 'application ports', protocol: 'tcp', fromPort: 1024, toPort: 65535, cidrBlocks: ['10.30.10.0/24'] },
      ],
    });
    this.app = new SecurityGroup(this, 'app', {
      name: 'portal-app',
      vpcId,
      ingress: [
        { description: 'everything from the web tier', protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['10.30.1.0/24'] },
      ],
    });
    this.db = new SecurityGroup(this, 'db', {
      name: 'portal-db',
      vpcId,
      ingress: [
        { description: 'PostgreSQL from the application', protocol: 'tcp', fromPort: 5432, toPort: 5432, securityGroups: [this.app.id] },
      ],
    });
  }
}

export class PortalStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'ap-southeast-1' });
    const network = new Network(this, 'network');
    const firewall = new Firewall(this, 'firewall', network);

    new Instance(this, 'web', {
      ami: AMI,
      instanceType: 't3.medium',
      subnetId: network.publicSubnet.id,
      vpcSecurityGroupIds: [firewall.web.id],
      associatePublicIpAddress: true,
      tags: { Name: 'portal-web', Role: 'web' },
      // The web server also runs its own database: a single tier.
      userData: '#!/bin/bash\napt-get install -y nginx mysql-server\n',
      ebsBlockDevice: [{ deviceName: '/dev/sdf', volumeSize: 200 }],
    });
    new Instance(this, 'app', {
      ami: AMI,
      instanceType: 't3.large',
      subnetId: network.appSubnet.id,
      vpcSecurityGroupIds: [firewall.app.id],
      sourceDestCheck: false,
      tags: { Name: 'portal-app', Role: 'web', RAID: 'raid1' },
    });

    const dataSubnets = new DbSubnetGroup(this, 'db-subnets', { name: 'portal-data', subnetIds: [network.dataSubnet.id] });
    new DbInstance(this, 'db', {
      identifier: 'portal',
      engine: 'postgres',
      instanceClass: 'db.t3.medium',
      allocatedStorage: 50,
      username: 'admin',
      password: 'changeme123',
      dbSubnetGroupName: dataSubnets.name,
      vpcSecurityGroupIds: [firewall.db.id],
      publiclyAccessible: true,
    });
  }
}
