// The customs web portal, the same design as examples/terraform/portal-compliant:
// four zones in one VPC, the web tier behind a load balancer in the DMZ, the
// database reachable only from the web tier and audited with pgaudit,
// administration from the management zone, and outbound Internet through a
// network firewall and a NAT gateway in the internet-access zone.
import { Construct } from 'constructs';
import { Fn, TerraformStack, Token } from 'cdktf';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance/index.js';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group/index.js';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group/index.js';
import { Eip } from '@cdktf/provider-aws/lib/eip/index.js';
import { Instance } from '@cdktf/provider-aws/lib/instance/index.js';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway/index.js';
import { Lb } from '@cdktf/provider-aws/lib/lb/index.js';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener/index.js';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group/index.js';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment/index.js';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway/index.js';
import { NetworkfirewallFirewall } from '@cdktf/provider-aws/lib/networkfirewall-firewall/index.js';
import { NetworkfirewallFirewallPolicy } from '@cdktf/provider-aws/lib/networkfirewall-firewall-policy/index.js';
import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group/index.js';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table/index.js';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';

const VPC_CIDR = '10.20.0.0/16';
const WEB_AMI = 'ami-0a1b2c3d4e5f60718';
const WEB_COUNT = 2;

/** One /24 of the VPC range per subnet, so that the zone plan follows the address plan. */
const ZONES = {
  dmz: { cidr: '10.20.1.0/24', zone: 'dmz' },
  egress: { cidr: '10.20.2.0/24', zone: 'internet-access' },
  firewall: { cidr: '10.20.3.0/24', zone: 'internet-access' },
  app: { cidr: '10.20.10.0/24', zone: 'internal' },
  data: { cidr: '10.20.20.0/24', zone: 'internal' },
  management: { cidr: '10.20.99.0/24', zone: 'management' },
} as const;
type SubnetName = keyof typeof ZONES;
const INNER_SUBNETS: SubnetName[] = ['app', 'data', 'management'];

/** Returns the id of the endpoint that the firewall places in its only subnet. */
function firewallEndpoint(firewall: NetworkfirewallFirewall): string {
  const syncStates = firewall.firewallStatus.get(0).syncStates;
  return Token.asString(Fn.lookupNested(syncStates, ['0', 'attachment', '0', 'endpoint_id']));
}

/** The VPC, one subnet per zone, and the routes out of them. */
class Network extends Construct {
  readonly vpc: Vpc;
  readonly subnets = {} as Record<SubnetName, Subnet>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: VPC_CIDR,
      enableDnsHostnames: true,
      // The VPC is rented hosting: the tag names the agreement with the provider.
      tags: { Name: 'portal', Profile: 'portal', HostingAgreement: 'HD-2024-017' },
    });
    for (const [name, { cidr, zone }] of Object.entries(ZONES) as Array<[SubnetName, (typeof ZONES)[SubnetName]]>) {
      this.subnets[name] = new Subnet(this, `subnet-${name}`, {
        vpcId: this.vpc.id,
        cidrBlock: cidr,
        tags: { Name: `portal-${name}`, Zone: zone },
      });
    }
    this.routes();
  }

  /**
   * Routes the DMZ and the NAT gateway's subnet to the Internet gateway, the
   * firewall subnet to the NAT gateway, and the inner zones to the firewall
   * endpoint. Replies to the inner zones return through the firewall too.
   */
  private routes(): void {
    const gateway = new InternetGateway(this, 'igw', { vpcId: this.vpc.id });
    const nat = new NatGateway(this, 'nat', {
      allocationId: new Eip(this, 'nat-address', { domain: 'vpc' }).id,
      subnetId: this.subnets.egress.id,
    });
    const endpoint = firewallEndpoint(this.egressFirewall());
    const publicRoutes = new RouteTable(this, 'public-routes', {
      vpcId: this.vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: gateway.id }],
    });
    const natRoutes = new RouteTable(this, 'nat-routes', {
      vpcId: this.vpc.id,
      route: [
        { cidrBlock: '0.0.0.0/0', gatewayId: gateway.id },
        ...INNER_SUBNETS.map((name) => ({ cidrBlock: ZONES[name].cidr, vpcEndpointId: endpoint })),
      ],
    });
    const firewallRoutes = new RouteTable(this, 'firewall-routes', {
      vpcId: this.vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }],
    });
    const innerRoutes = new RouteTable(this, 'inner-routes', {
      vpcId: this.vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', vpcEndpointId: endpoint }],
    });
    this.associate(['dmz'], publicRoutes);
    this.associate(['egress'], natRoutes);
    this.associate(['firewall'], firewallRoutes);
    this.associate(INNER_SUBNETS, innerRoutes);
  }

  /** Adds the network firewall that lets the inner zones reach only an allow-list of domains. */
  private egressFirewall(): NetworkfirewallFirewall {
    const allowedDomains = new NetworkfirewallRuleGroup(this, 'allowed-domains', {
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
    const policy = new NetworkfirewallFirewallPolicy(this, 'egress-policy', {
      name: 'portal-egress',
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulRuleGroupReference: [{ resourceArn: allowedDomains.arn }],
      },
    });
    return new NetworkfirewallFirewall(this, 'egress-firewall', {
      name: 'portal-egress',
      firewallPolicyArn: policy.arn,
      vpcId: this.vpc.id,
      subnetMapping: [{ subnetId: this.subnets.firewall.id }],
    });
  }

  private associate(names: SubnetName[], table: RouteTable): void {
    for (const name of names) {
      new RouteTableAssociation(this, `routes-${name}`, { subnetId: this.subnets[name].id, routeTableId: table.id });
    }
  }
}

/**
 * The security groups. Rules that name another group are separate resources:
 * two groups whose inline rules name each other form a cycle Terraform rejects.
 */
class Firewall extends Construct {
  readonly alb: SecurityGroup;
  readonly web: SecurityGroup;
  readonly db: SecurityGroup;
  readonly bastion: SecurityGroup;

  constructor(scope: Construct, id: string, network: Network) {
    super(scope, id);
    const vpcId = network.vpc.id;
    this.alb = new SecurityGroup(this, 'alb', {
      name: 'portal-alb',
      vpcId,
      ingress: [{ description: 'HTTPS from the Internet', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] }],
    });
    this.web = new SecurityGroup(this, 'web', {
      name: 'portal-web',
      vpcId,
      ingress: [
        {
          description: 'SSH from the management zone',
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrBlocks: [network.subnets.management.cidrBlock],
        },
      ],
    });
    this.db = new SecurityGroup(this, 'db', { name: 'portal-db', vpcId });
    this.bastion = new SecurityGroup(this, 'bastion', {
      name: 'portal-bastion',
      vpcId,
      egress: [{ description: 'SSH to the servers', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [VPC_CIDR] }],
    });
    this.allow('alb-to-web', this.alb, this.web, 8443);
    this.allow('web-to-db', this.web, this.db, 5432);
  }

  /** Adds an egress rule on `from` and the matching ingress rule on `to`, for one TCP port. */
  private allow(name: string, from: SecurityGroup, to: SecurityGroup, port: number): void {
    const rule = { ipProtocol: 'tcp', fromPort: port, toPort: port };
    new VpcSecurityGroupEgressRule(this, `${name}-out`, {
      securityGroupId: from.id,
      referencedSecurityGroupId: to.id,
      ...rule,
    });
    new VpcSecurityGroupIngressRule(this, `${name}-in`, {
      securityGroupId: to.id,
      referencedSecurityGroupId: from.id,
      ...rule,
    });
  }
}

export class PortalStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'ap-southeast-1' });
    const network = new Network(this, 'network');
    const firewall = new Firewall(this, 'firewall', network);
    this.webTier(network, firewall);
    this.database(network, firewall);
  }

  /** Adds the load balancer in the DMZ, the web servers it forwards to, and the bastion. */
  private webTier(network: Network, firewall: Firewall): void {
    const lb = new Lb(this, 'lb', {
      name: 'portal',
      loadBalancerType: 'application',
      internal: false,
      subnets: [network.subnets.dmz.id],
      securityGroups: [firewall.alb.id],
    });
    const targets = new LbTargetGroup(this, 'web-targets', {
      name: 'portal-web',
      port: 8443,
      protocol: 'HTTPS',
      vpcId: network.vpc.id,
    });
    new LbListener(this, 'https', {
      loadBalancerArn: lb.arn,
      port: 443,
      protocol: 'HTTPS',
      certificateArn: 'arn:aws:acm:ap-southeast-1:111122223333:certificate/portal',
      defaultAction: [{ type: 'forward', targetGroupArn: targets.arn }],
    });
    for (let index = 0; index < WEB_COUNT; index++) {
      const web = this.server(`web-${index}`, network.subnets.dmz, firewall.web, 't3.medium', 'web');
      new LbTargetGroupAttachment(this, `web-${index}-target`, { targetGroupArn: targets.arn, targetId: web.id });
    }
    this.server('bastion', network.subnets.management, firewall.bastion, 't3.micro', 'bastion');
  }

  private server(name: string, subnet: Subnet, group: SecurityGroup, instanceType: string, role: string): Instance {
    return new Instance(this, name, {
      ami: WEB_AMI,
      instanceType,
      subnetId: subnet.id,
      vpcSecurityGroupIds: [group.id],
      tags: { Name: `portal-${name}`, Role: role, RAID: 'raid1', RaidDisks: '2' },
    });
  }

  /** Adds the database, which writes pgaudit output to its PostgreSQL log and exports that log. */
  private database(network: Network, firewall: Firewall): void {
    const subnets = new DbSubnetGroup(this, 'db-subnets', { name: 'portal-data', subnetIds: [network.subnets.data.id] });
    const audit = new DbParameterGroup(this, 'db-audit', {
      name: 'portal-audit',
      family: 'postgres16',
      parameter: [
        { name: 'shared_preload_libraries', value: 'pgaudit', applyMethod: 'pending-reboot' },
        { name: 'pgaudit.log', value: 'read,write,ddl,role' },
      ],
    });
    new DbInstance(this, 'db', {
      identifier: 'portal',
      engine: 'postgres',
      engineVersion: '16.4',
      instanceClass: 'db.t3.medium',
      allocatedStorage: 50,
      username: 'portal_admin',
      manageMasterUserPassword: true,
      dbSubnetGroupName: subnets.name,
      parameterGroupName: audit.name,
      enabledCloudwatchLogsExports: ['postgresql'],
      vpcSecurityGroupIds: [firewall.db.id],
      publiclyAccessible: false,
      backupRetentionPeriod: 14,
      tags: { Role: 'database' },
    });
  }
}
