import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import type { FirewallSet, InfrastructureModel } from '../../src/model/types.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { blocks, ref, resource } from './resource.ts';

function set(model: InfrastructureModel, id: string): FirewallSet {
  const found = model.firewallSets.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no firewall set ${id}`);
  return found;
}

function host(model: InfrastructureModel, id: string) {
  const found = model.hosts.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no host ${id}`);
  return found;
}

describe('protocol all and numeric protocols', () => {
  const model = buildModel([
    resource('aws_security_group.db', {
      name: 'db-sg',
      vpc_id: 'vpc-1',
      tags: { Zone: 'internal' },
      ingress: blocks({ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }),
    }),
    resource('aws_security_group_rule.legacy_all', {
      type: 'ingress',
      security_group_id: ref('aws_security_group.db'),
      protocol: 'all',
      from_port: 8080,
      to_port: 8080,
      cidr_blocks: ['0.0.0.0/0'],
    }),
    resource('aws_security_group.vpn', {
      name: 'vpn-sg',
      vpc_id: 'vpc-1',
      ingress: blocks(
        { protocol: 'icmp', from_port: -1, to_port: -1, cidr_blocks: ['0.0.0.0/0'] },
        { protocol: '47', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] },
        { protocol: '6', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] },
        { protocol: '17', from_port: 3389, to_port: 3389, cidr_blocks: ['0.0.0.0/0'] },
      ),
    }),
    resource('aws_db_instance.orders', {
      engine: 'postgres',
      vpc_security_group_ids: [ref('aws_security_group.db')],
    }),
  ]);

  it('covers every port for all protocols whatever from/to say', () => {
    const rules = set(model, 'aws_security_group.db').rules;
    expect(rules.map((rule) => rule.id)).toEqual([
      'aws_security_group.db/ingress[0]',
      'aws_security_group_rule.legacy_all',
    ]);
    for (const rule of rules) {
      expect(rule.protocol).toBe('all');
      expect(rule.ports).toEqual([{ from: 0, to: 65535 }]);
    }
  });

  it('normalises numeric and port-less protocols', () => {
    const rules = set(model, 'aws_security_group.vpn').rules;
    expect(rules.map((rule) => rule.protocol)).toEqual(['icmp', { number: 47 }, 'tcp', 'udp']);
    expect(rules.map((rule) => rule.ports)).toEqual([
      [],
      [],
      [{ from: 22, to: 22 }],
      [{ from: 3389, to: 3389 }],
    ]);
    expect(rules[2]!.path).toBe('ingress[2]');
  });

  it('attaches the database to its group', () => {
    const orders = host(model, 'aws_db_instance.orders');
    expect(orders.firewallSetIds).toEqual(['aws_security_group.db']);
    expect(orders.database?.port).toBe(5432);
    expect(orders.services).toEqual([
      { name: 'postgresql', protocol: 'tcp', ports: [{ from: 5432, to: 5432 }], source: 'engine' },
    ]);
  });

  it('reads the group zone tag', () => {
    expect(set(model, 'aws_security_group.db').zone).toEqual({
      zone: 'internal',
      source: 'group-tag',
      evidence: 'tag Zone = "internal"',
    });
  });
});

describe('source CIDR classification', () => {
  const admin = ref('aws_security_group.admin');
  const sshRule = { type: 'ingress', security_group_id: admin, protocol: 'tcp', from_port: 22, to_port: 22 };
  const model = buildModel([
    resource('aws_security_group.admin', { name: 'admin', vpc_id: 'vpc-1' }),
    resource('aws_security_group_rule.ssh_v6', { ...sshRule, ipv6_cidr_blocks: ['::/0'] }),
    resource('aws_vpc_security_group_ingress_rule.rdp_v6_long_form', {
      security_group_id: admin,
      ip_protocol: 'tcp',
      from_port: 3389,
      to_port: 3389,
      cidr_ipv6: '0:0:0:0:0:0:0:0/0',
    }),
    resource('aws_security_group_rule.ssh_host_bits', {
      ...sshRule,
      cidr_blocks: ['10.50.0.10/32', '10.50.0.200/24'],
    }),
    resource('aws_security_group_rule.bad_cidr', { ...sshRule, cidr_blocks: ['10.0.0.0/33'] }, { line: 40 }),
  ]);
  const rules = set(model, 'aws_security_group.admin').rules;
  const rule = (id: string) => rules.find((candidate) => candidate.id === id)!;

  it('canonicalises IPv6 any in every form', () => {
    expect(rule('aws_security_group_rule.ssh_v6').peers).toMatchObject([{ kind: 'cidr', cidr: '::/0' }]);
    expect(rule('aws_vpc_security_group_ingress_rule.rdp_v6_long_form').peers).toMatchObject([
      { kind: 'cidr', cidr: '::/0', written: '0:0:0:0:0:0:0:0/0' },
    ]);
  });

  it('normalises host bits with an info diagnostic', () => {
    expect(rule('aws_security_group_rule.ssh_host_bits').peers).toMatchObject([
      { kind: 'cidr', cidr: '10.50.0.10/32' },
      { kind: 'cidr', cidr: '10.50.0.0/24', written: '10.50.0.200/24' },
    ]);
    const note = model.diagnostics.find((diagnostic) => diagnostic.code === 'non-canonical-cidr');
    expect(note?.severity).toBe('info');
  });

  it('keeps an invalid CIDR as an unknown peer with a diagnostic', () => {
    const peers = rule('aws_security_group_rule.bad_cidr').peers;
    expect(peers).toHaveLength(1);
    expect(peers[0]!.kind).toBe('unknown');
    const invalid = model.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-cidr');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.message).toContain('10.0.0.0/33');
    expect(invalid[0]!.location?.file).toBe('main.tf');
    // The attributes of the rule start on line 41; cidr_blocks is the sixth.
    expect(invalid[0]!.location?.range?.startLine).toBe(46);
  });
});

describe('security group sources', () => {
  const bastion = ref('aws_security_group.bastion');
  const model = buildModel([
    resource('aws_subnet.mgmt', { vpc_id: 'vpc-1', cidr_block: '10.50.0.0/24', tags: { Zone: 'management' } }),
    resource('aws_security_group.bastion', { name: 'bastion', vpc_id: 'vpc-1' }),
    resource('aws_instance.bastion', {
      subnet_id: ref('aws_subnet.mgmt'),
      vpc_security_group_ids: [bastion],
    }),
    resource('aws_security_group.alb', { name: 'alb', vpc_id: 'vpc-1', tags: { Zone: 'dmz' } }),
    resource('aws_security_group.web', {
      name: 'web',
      vpc_id: 'vpc-1',
      ingress: blocks(
        { protocol: 'tcp', from_port: 22, to_port: 22, security_groups: [bastion] },
        { protocol: 'tcp', from_port: 3389, to_port: 3389, security_groups: [bastion], cidr_blocks: ['0.0.0.0/0'] },
        { protocol: 'tcp', from_port: 22, to_port: 22, security_groups: ['sg-0123456789abcdef0'] },
      ),
    }),
    resource('aws_vpc_security_group_ingress_rule.alb_to_web', {
      security_group_id: ref('aws_security_group.web'),
      referenced_security_group_id: ref('aws_security_group.alb'),
      ip_protocol: 'tcp',
      from_port: 8080,
      to_port: 8080,
    }),
  ]);
  const rules = set(model, 'aws_security_group.web').rules;

  it('resolves group references to group peers', () => {
    expect(rules[0]!.peers).toMatchObject([{ kind: 'group', groupId: 'aws_security_group.bastion' }]);
    expect(rules[3]!.peers).toMatchObject([{ kind: 'group', groupId: 'aws_security_group.alb' }]);
  });

  it('keeps a CIDR next to a group source', () => {
    expect(rules[1]!.peers).toMatchObject([
      { kind: 'cidr', cidr: '0.0.0.0/0' },
      { kind: 'group', groupId: 'aws_security_group.bastion' },
    ]);
  });

  it('marks an undefined literal group as external', () => {
    expect(rules[2]!.peers).toMatchObject([{ kind: 'external-group', written: 'sg-0123456789abcdef0' }]);
  });

  it('places the bastion instance in the management segment', () => {
    const bastionHost = host(model, 'aws_instance.bastion');
    expect(bastionHost.segmentIds).toEqual(['aws_subnet.mgmt']);
    expect(bastionHost.firewallSetIds).toEqual(['aws_security_group.bastion']);
    expect(model.segments[0]!.zone.zone).toBe('management');
  });
});

describe('database public access', () => {
  const database = (name: string, extra: Record<string, unknown>) =>
    resource(`aws_db_instance.${name}`, { engine: 'mysql', ...extra });
  const model = buildModel([
    resource('aws_subnet.data_a', { vpc_id: 'vpc-1', cidr_block: '10.0.30.0/25', tags: { Zone: 'internal' } }),
    resource('aws_subnet.dmz_a', { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24', tags: { Zone: 'dmz' } }),
    resource('aws_db_subnet_group.data', { name: 'data', subnet_ids: [ref('aws_subnet.data_a')] }),
    resource('aws_db_subnet_group.mixed', {
      name: 'mixed',
      subnet_ids: [ref('aws_subnet.dmz_a'), ref('aws_subnet.data_a')],
    }),
    database('a_default', { db_subnet_group_name: 'data' }),
    database('b_false', { db_subnet_group_name: 'data', publicly_accessible: false }),
    database('c_string_true', { db_subnet_group_name: 'data', publicly_accessible: 'true' }),
    database('d_var', { db_subnet_group_name: 'data', publicly_accessible: true }),
    database('e_in_dmz', { db_subnet_group_name: 'mixed' }),
  ]);

  it('applies the provider default when the attribute is absent', () => {
    const info = host(model, 'aws_db_instance.a_default').database!;
    expect(info.publiclyAccessible).toBe(false);
    expect(info.publiclyAccessibleSource).toBe('default');
  });

  it('converts string booleans', () => {
    expect(host(model, 'aws_db_instance.b_false').database!.publiclyAccessible).toBe(false);
    const stringTrue = host(model, 'aws_db_instance.c_string_true').database!;
    expect(stringTrue.publiclyAccessible).toBe(true);
    expect(stringTrue.publiclyAccessibleSource).toBe('attribute');
  });

  it('takes segments from the subnet group by name', () => {
    const inDmz = host(model, 'aws_db_instance.e_in_dmz');
    expect(inDmz.segmentIds).toEqual(['aws_subnet.dmz_a', 'aws_subnet.data_a']);
    expect(inDmz.database!.subnetGroupId).toBe('aws_db_subnet_group.mixed');
    expect(inDmz.database!.port).toBe(3306);
    expect(host(model, 'aws_db_instance.a_default').segmentIds).toEqual(['aws_subnet.data_a']);
  });

  it('records the database role from the engine', () => {
    expect(host(model, 'aws_db_instance.a_default').roles).toContainEqual({
      role: 'database',
      source: 'engine',
      evidence: 'engine "mysql"',
    });
  });

  it('keeps an unknown publicly_accessible', () => {
    const unknownModel = buildModel([database('x', { publicly_accessible: ref('var.expose', 'value') })]);
    expect(isUnknown(unknownModel.hosts[0]!.database!.publiclyAccessible)).toBe(true);
  });
});

describe('for_each and count instances', () => {
  const model = buildModel([
    resource('aws_subnet.app', { vpc_id: 'vpc-1', cidr_block: '10.0.20.0/24', tags: { Zone: 'internal' } }),
    resource('aws_security_group.tier["web"]', { name: 'sg-web', vpc_id: 'vpc-1', tags: { Zone: 'dmz' } }),
    resource('aws_security_group.tier["db"]', { name: 'sg-db', vpc_id: 'vpc-1', tags: { Zone: 'internal' } }),
    resource('aws_security_group_rule.tier_in["web"]', {
      type: 'ingress',
      security_group_id: ref('aws_security_group.tier["web"]'),
      protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      cidr_blocks: ['0.0.0.0/0'],
    }),
    resource('aws_security_group_rule.tier_in["db"]', {
      type: 'ingress',
      security_group_id: ref('aws_security_group.tier["db"]'),
      protocol: 'tcp',
      from_port: 5432,
      to_port: 5432,
      cidr_blocks: ['10.0.20.0/24'],
    }),
    resource('aws_db_instance.main', {
      engine: 'postgres',
      vpc_security_group_ids: [ref('aws_security_group.tier["db"]')],
    }),
    resource('aws_instance.jump[0]', { vpc_security_group_ids: [ref('aws_security_group.tier["web"]')] }),
  ]);

  it('attaches each keyed rule to its keyed group', () => {
    expect(set(model, 'aws_security_group.tier["web"]').rules.map((rule) => rule.id)).toEqual([
      'aws_security_group_rule.tier_in["web"]',
    ]);
    expect(set(model, 'aws_security_group.tier["db"]').rules.map((rule) => rule.id)).toEqual([
      'aws_security_group_rule.tier_in["db"]',
    ]);
  });

  it('links hosts to keyed groups', () => {
    expect(host(model, 'aws_db_instance.main').firewallSetIds).toEqual(['aws_security_group.tier["db"]']);
    expect(host(model, 'aws_instance.jump[0]').firewallSetIds).toEqual(['aws_security_group.tier["web"]']);
  });

  it('creates no implicit groups', () => {
    expect(model.firewallSets).toHaveLength(2);
  });
});
