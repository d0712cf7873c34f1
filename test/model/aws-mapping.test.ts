import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import { awsDefault } from '../../src/model/providers/aws/defaults.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { blocks, ref, resource } from './resource.ts';

describe('aws network mapping', () => {
  const model = buildModel([
    resource('aws_vpc.main', { cidr_block: '10.0.0.0/16', tags: { Name: 'core' } }),
    resource('aws_vpc_ipv4_cidr_block_association.extra', { vpc_id: ref('aws_vpc.main'), cidr_block: '10.1.0.0/16' }),
    resource('aws_subnet.a', {
      vpc_id: ref('aws_vpc.main'),
      cidr_block: '10.0.1.0/24',
      ipv6_cidr_block: '2001:db8::/64',
      map_public_ip_on_launch: 'true',
    }),
    resource('aws_subnet.b', { vpc_id: 'vpc-1', cidr_block: '10.9.0.0/24' }),
    resource('aws_subnet.c', { vpc_id: 'vpc-1', cidr_block: ref('var.cidr', 'value') }),
    resource('aws_unknown_thing.x', { anything: 1 }),
  ]);

  it('maps VPCs to sites with associated ranges', () => {
    expect(model.sites[0]).toMatchObject({ id: 'aws_vpc.main', name: 'core', cidrs: ['10.0.0.0/16', '10.1.0.0/16'] });
  });

  it('maps subnets to segments', () => {
    expect(model.segments[0]).toMatchObject({
      id: 'aws_subnet.a',
      siteId: 'aws_vpc.main',
      cidrs: ['10.0.1.0/24', '2001:db8::/64'],
      mapPublicIp: true,
    });
  });

  it('shares an implicit site for a literal VPC id', () => {
    expect(model.segments[1]!.siteId).toBe('vpc-1');
    expect(model.segments[2]!.siteId).toBe('vpc-1');
    expect(model.sites.filter((site) => site.id === 'vpc-1')).toHaveLength(1);
  });

  it('marks a computed CIDR unknown', () => {
    expect(model.segments[2]!.cidrs).toEqual([]);
    expect(isUnknown(model.segments[2]!.cidrUnknown)).toBe(true);
  });

  it('ignores unmapped resource types', () => {
    expect(model.diagnostics).toEqual([]);
  });
});

describe('aws network ACL mapping', () => {
  const model = buildModel([
    resource('aws_subnet.a', { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24' }),
    resource('aws_network_acl.main', {
      vpc_id: 'vpc-1',
      subnet_ids: [ref('aws_subnet.a')],
      ingress: blocks(
        { rule_no: 100, action: 'deny', protocol: 'tcp', from_port: 22, to_port: 22, cidr_block: '0.0.0.0/0' },
        { rule_no: 200, action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0' },
      ),
    }),
    resource('aws_network_acl_rule.out', {
      network_acl_id: ref('aws_network_acl.main'),
      egress: 'true',
      rule_number: 50,
      rule_action: 'allow',
      protocol: '6',
      from_port: 443,
      to_port: 443,
      ipv6_cidr_block: '::/0',
    }),
  ]);
  const acl = model.firewallSets[0]!;

  it('maps ordered stateless rules', () => {
    expect(acl.kind).toBe('stateless-acl');
    expect(acl.segmentIds).toEqual(['aws_subnet.a']);
    expect(acl.rules.map((rule) => [rule.direction, rule.action, rule.order, rule.path])).toEqual([
      ['ingress', 'deny', 100, 'ingress[0]'],
      ['ingress', 'allow', 200, 'ingress[1]'],
      ['egress', 'allow', 50, ''],
    ]);
    expect(acl.rules[1]!.ports).toEqual([{ from: 0, to: 65535 }]);
    expect(acl.rules[2]!.peers).toMatchObject([{ kind: 'cidr', cidr: '::/0' }]);
  });
});

describe('aws routing mapping', () => {
  const model = buildModel([
    resource('aws_vpc.main', { cidr_block: '10.0.0.0/16' }),
    resource('aws_subnet.public', { vpc_id: ref('aws_vpc.main'), cidr_block: '10.0.1.0/24' }),
    resource('aws_internet_gateway.igw', { vpc_id: ref('aws_vpc.main') }),
    resource('aws_nat_gateway.nat', { subnet_id: ref('aws_subnet.public') }),
    resource('aws_nat_gateway.inner', { subnet_id: ref('aws_subnet.public'), connectivity_type: 'private' }),
    resource('aws_route_table.public', {
      vpc_id: ref('aws_vpc.main'),
      route: blocks({ cidr_block: '0.0.0.0/0', gateway_id: ref('aws_internet_gateway.igw') }),
    }),
    resource('aws_route.nat', {
      route_table_id: ref('aws_route_table.public'),
      destination_cidr_block: '192.168.0.0/16',
      nat_gateway_id: ref('aws_nat_gateway.nat'),
    }),
    resource('aws_route_table_association.public', {
      subnet_id: ref('aws_subnet.public'),
      route_table_id: ref('aws_route_table.public'),
    }),
    resource('aws_main_route_table_association.main', {
      vpc_id: ref('aws_vpc.main'),
      route_table_id: ref('aws_route_table.public'),
    }),
  ]);
  const table = model.routeTables[0]!;

  it('maps routes with resolved targets', () => {
    expect(table.routes.map((route) => [route.destination, route.target.kind, route.target.id, route.path])).toEqual([
      ['0.0.0.0/0', 'internet-gateway', 'aws_internet_gateway.igw', 'route[0]'],
      ['192.168.0.0/16', 'nat-gateway', 'aws_nat_gateway.nat', ''],
    ]);
  });

  it('links associations and the main table', () => {
    expect(table.segmentIds).toEqual(['aws_subnet.public']);
    expect(table.main).toBe(true);
    expect(table.siteId).toBe('aws_vpc.main');
  });

  it('maps gateways', () => {
    expect(model.gateways.map((gateway) => [gateway.id, gateway.kind, gateway.siteId, gateway.public])).toEqual([
      ['aws_internet_gateway.igw', 'internet', 'aws_vpc.main', undefined],
      ['aws_nat_gateway.nat', 'nat', 'aws_vpc.main', true],
      ['aws_nat_gateway.inner', 'nat', 'aws_vpc.main', false],
    ]);
    expect(model.gateways[1]!.segmentId).toBe('aws_subnet.public');
  });
});

describe('aws compute mapping', () => {
  const model = buildModel([
    resource('aws_subnet.app', { vpc_id: 'vpc-1', cidr_block: '10.0.2.0/24', map_public_ip_on_launch: true }),
    resource('aws_security_group.app', { name: 'app-sg', vpc_id: 'vpc-1' }),
    resource('aws_instance.orders_db', {
      subnet_id: ref('aws_subnet.app'),
      security_groups: ['app-sg'],
      associate_public_ip_address: false,
      private_ip: '10.0.2.10',
      source_dest_check: false,
      user_data: '#!/bin/sh\napt-get install -y mysql-server\n',
      tags: { Role: 'App', Services: 'https:443/tcp, ssh:22, dns:53/udp' },
      root_block_device: blocks({ volume_size: 20 }),
      ebs_block_device: blocks({ volume_size: 100, tags: { RAID: 'RAID 10', RaidDisks: '4' } }),
    }),
    resource('aws_instance.plain', { subnet_id: ref('aws_subnet.app') }),
    resource('aws_eip.plain', { instance: ref('aws_instance.plain') }),
    resource('aws_instance.nowhere', {}),
    resource('aws_launch_template.web', {
      vpc_security_group_ids: [ref('aws_security_group.app')],
      user_data: Buffer.from('yum install -y postgresql-server').toString('base64'),
    }),
    resource('aws_autoscaling_group.web', {
      vpc_zone_identifier: [ref('aws_subnet.app')],
      min_size: '2',
      max_size: 4,
      launch_template: blocks({ id: ref('aws_launch_template.web'), version: '$Latest' }),
    }),
  ]);
  const byId = (id: string) => model.hosts.find((host) => host.id === id)!;

  it('maps an instance with its settings', () => {
    const instance = byId('aws_instance.orders_db');
    expect(instance.segmentIds).toEqual(['aws_subnet.app']);
    expect(instance.firewallSetIds).toEqual(['aws_security_group.app']);
    expect(instance.publicAddress).toBe(false);
    expect(instance.addresses).toEqual(['10.0.2.10']);
    expect(instance.sourceDestCheck).toBe(false);
    expect(instance.services).toEqual([
      { name: 'https', protocol: 'tcp', ports: [{ from: 443, to: 443 }], source: 'tag' },
      { name: 'ssh', protocol: 'tcp', ports: [{ from: 22, to: 22 }], source: 'tag' },
      { name: 'dns', protocol: 'udp', ports: [{ from: 53, to: 53 }], source: 'tag' },
    ]);
  });

  it('reads roles from tags, names and user data', () => {
    const roles = byId('aws_instance.orders_db').roles.map((role) => `${role.source}:${role.role}`);
    expect(roles).toEqual(['tag:app', 'name:database', 'user-data:database']);
  });

  it('takes the public address from the subnet or an EIP', () => {
    expect(byId('aws_instance.plain').publicAddress).toBe(true);
    expect(isUnknown(byId('aws_instance.nowhere').publicAddress)).toBe(true);
    expect(isUnknown(byId('aws_instance.nowhere').segmentUnknown)).toBe(true);
  });

  it('maps block devices to volumes with RAID evidence', () => {
    const volumes = model.volumes.filter((volume) => volume.hostId === 'aws_instance.orders_db');
    expect(volumes.map((volume) => [volume.path, volume.sizeGb])).toEqual([
      ['root_block_device[0]', 20],
      ['ebs_block_device[0]', 100],
    ]);
    expect(volumes[1]!.raid).toMatchObject({ level: 'raid10', disks: 4 });
  });

  it('links an autoscaling group to its template', () => {
    const group = byId('aws_autoscaling_group.web');
    expect(group.templateId).toBe('aws_launch_template.web');
    expect(group.capacity).toEqual({ min: 2, max: 4 });
    expect(group.firewallSetIds).toEqual(['aws_security_group.app']);
    expect(group.roles.map((role) => `${role.source}:${role.role}`)).toContain('user-data:database');
    expect(group.publicAddress).toBe(true);
  });
});

describe('aws load balancer mapping', () => {
  const model = buildModel([
    resource('aws_subnet.dmz', { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24' }),
    resource('aws_lb.public', { subnets: [ref('aws_subnet.dmz')], security_groups: [ref('aws_security_group.lb')] }),
    resource('aws_alb.inner', { internal: true, subnet_mapping: blocks({ subnet_id: ref('aws_subnet.dmz') }) }),
    resource('aws_security_group.lb', { name: 'lb', vpc_id: 'vpc-1' }),
    resource('aws_lb_target_group.app', { port: 8080, protocol: 'HTTP' }),
    resource('aws_lb_listener.https', {
      load_balancer_arn: ref('aws_lb.public', 'arn'),
      port: '443',
      protocol: 'HTTPS',
      default_action: blocks({ type: 'forward', target_group_arn: ref('aws_lb_target_group.app', 'arn') }),
    }),
    resource('aws_instance.app', {}),
    resource('aws_lb_target_group_attachment.app', {
      target_group_arn: ref('aws_lb_target_group.app', 'arn'),
      target_id: ref('aws_instance.app'),
    }),
  ]);
  const byId = (id: string) => model.hosts.find((host) => host.id === id)!;

  it('defaults to internet-facing', () => {
    expect(byId('aws_lb.public').loadBalancer?.internetFacing).toBe(true);
    expect(byId('aws_alb.inner').loadBalancer?.internetFacing).toBe(false);
    expect(byId('aws_alb.inner').segmentIds).toEqual(['aws_subnet.dmz']);
    expect(byId('aws_lb.public').firewallSetIds).toEqual(['aws_security_group.lb']);
  });

  it('adds listeners and target groups', () => {
    const info = byId('aws_lb.public').loadBalancer!;
    expect(info.listeners.map((listener) => [listener.protocol, listener.port])).toEqual([['HTTPS', 443]]);
    expect(info.targetGroupIds).toEqual(['aws_lb_target_group.app']);
    expect(model.targetGroups[0]).toMatchObject({ port: 8080, protocol: 'HTTP', targetHostIds: ['aws_instance.app'] });
  });

  it('gives targets the web role', () => {
    expect(byId('aws_instance.app').roles).toContainEqual({
      role: 'web',
      source: 'load-balancer-target',
      evidence: 'target of aws_lb_target_group.app',
    });
  });
});

describe('aws storage, credentials and defaults', () => {
  const model = buildModel([
    resource('aws_instance.db', {}),
    resource('aws_ebs_volume.data', { size: 500, tags: { RaidLevel: '5' } }),
    resource('aws_volume_attachment.data', { volume_id: ref('aws_ebs_volume.data'), instance_id: ref('aws_instance.db') }),
    resource('aws_db_instance.main', { engine: 'mysql', password: 'hunter2', username: 'admin' }),
    resource('aws_db_instance.generated', { engine: 'mysql', password: ref('random_password.db', 'result') }),
    resource('aws_iam_access_key.ci', { secret: 'abc' }),
  ]);

  it('attaches volumes and reads RAID tags', () => {
    expect(model.volumes[0]).toMatchObject({ id: 'aws_ebs_volume.data', hostId: 'aws_instance.db', sizeGb: 500 });
    expect(model.volumes[0]!.raid?.level).toBe('raid5');
  });

  it('collects literal credentials on any resource', () => {
    expect(model.credentials.map((credential) => [credential.subjectId, credential.attribute])).toEqual([
      ['aws_db_instance.main', 'password'],
      ['aws_iam_access_key.ci', 'secret'],
    ]);
    expect(model.credentials[0]!.location.range?.startLine).toBe(3);
    expect(model.credentials[0]!.userName).toBe('admin');
    expect(model.credentials[1]!.userName).toBeUndefined();
  });

  it('records provider defaults', () => {
    expect(awsDefault('aws_db_instance', 'publicly_accessible')).toBe(false);
    expect(awsDefault('aws_db_instance', 'nothing')).toBeUndefined();
  });
});

describe('invalid ports', () => {
  it('keeps a reversed range as unknown ports', () => {
    const model = buildModel([
      resource('aws_security_group.a', {
        name: 'a',
        ingress: blocks({ protocol: 'tcp', from_port: 443, to_port: 22, cidr_blocks: ['10.0.0.0/8'] }),
      }),
    ]);
    expect(isUnknown(model.firewallSets[0]!.rules[0]!.ports)).toBe(true);
    expect(model.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid-port-range']);
  });

  it('keeps an unknown protocol as unknown', () => {
    const model = buildModel([
      resource('aws_security_group.a', { name: 'a', ingress: blocks({ protocol: 'tcpp', cidr_blocks: ['10.0.0.0/8'] }) }),
    ]);
    expect(isUnknown(model.firewallSets[0]!.rules[0]!.protocol)).toBe(true);
    expect(model.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid-protocol']);
  });
});
