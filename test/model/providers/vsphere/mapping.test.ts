import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../../src/model/build.ts';
import { isUnknown } from '../../../../src/model/unknown.ts';
import { blocks, ref, resource } from '../../resource.ts';

describe('vsphere mapping', () => {
  const model = buildModel([
    resource('vsphere_distributed_port_group.web', { name: 'pg-web', vlan_id: 10, description: 'cidr=10.0.1.0/24 zone=dmz' }),
    resource('vsphere_distributed_port_group.bare', { name: 'pg-bare', vlan_id: 20 }),
    resource('vsphere_virtual_machine.web', {
      name: 'web-1',
      extra_config: { 'guestinfo.userdata': Buffer.from('apt-get install -y mariadb-server').toString('base64') },
      network_interface: blocks({ network_id: ref('vsphere_distributed_port_group.web') }),
      disk: blocks({ label: 'disk0', size: 40 }, { label: 'disk1', size: 100 }),
      clone: blocks({ customize: blocks({ network_interface: blocks({ ipv4_address: '10.0.1.20', ipv4_netmask: 24 }) }) }),
    }),
  ]);

  it('reads the CIDR and zone of a port group from its description, and keeps the VLAN', () => {
    expect(model.segments.map((segment) => [segment.cidrs, segment.zone.zone, segment.tags['VLAN']])).toEqual([
      [['10.0.1.0/24'], 'dmz', '10'],
      [[], undefined, '20'],
    ]);
    expect(isUnknown(model.segments[1]!.cidrUnknown)).toBe(true);
  });

  it('places a VM on its port groups with its address, user data and disks', () => {
    expect(model.hosts[0]).toMatchObject({ name: 'web-1', segmentIds: ['vsphere_distributed_port_group.web'], addresses: ['10.0.1.20'] });
    expect(model.hosts[0]!.roles.map((role) => role.role)).toContain('database');
    expect(model.volumes.map((volume) => [volume.id, volume.sizeGb, volume.hostId])).toEqual([
      ['vsphere_virtual_machine.web/disk[0]', 40, 'vsphere_virtual_machine.web'],
      ['vsphere_virtual_machine.web/disk[1]', 100, 'vsphere_virtual_machine.web'],
    ]);
  });
});

describe('nsx-t mapping', () => {
  const model = buildModel([
    resource('nsxt_policy_segment.app', { display_name: 'app', subnet: blocks({ cidr: '10.0.2.1/24' }), tag: blocks({ scope: 'Zone', tag: 'internal' }) }),
    resource('nsxt_policy_group.app', { display_name: 'app', criteria: blocks({ path_expression: blocks({ member_paths: [ref('nsxt_policy_segment.app', 'path')] }) }) }),
    resource('nsxt_policy_group.tagged', { display_name: 'tagged', criteria: blocks({ condition: blocks({ key: 'Tag', member_type: 'VirtualMachine', operator: 'EQUALS', value: 'web' }) }) }),
    resource('nsxt_policy_service.bad', { display_name: 'bad', l4_port_set_entry: blocks({ protocol: 'TCP', destination_ports: ['22-'] }) }),
    resource('nsxt_policy_security_policy.p', {
      display_name: 'p',
      sequence_number: 2,
      rule: blocks(
        { display_name: 'ssh', source_groups: [ref('nsxt_policy_group.tagged', 'path')], destination_groups: [ref('nsxt_policy_group.app', 'path')], services: ['/infra/services/SSH'], action: 'ALLOW', sequence_number: 5 },
        { display_name: 'bad', destination_groups: ['/infra/domains/default/groups/app'], services: [ref('nsxt_policy_service.bad', 'path')], action: 'REJECT' },
        { display_name: 'off', destination_groups: [ref('nsxt_policy_group.app', 'path')], action: 'ALLOW', disabled: true },
        { display_name: 'drop', action: 'DROP', sequence_number: 900 },
      ),
    }),
  ]);
  const set = model.firewallSets.find((candidate) => candidate.id === 'nsxt:dfw:app')!;

  it('reads segment subnets as canonical CIDRs and the tag scope as a tag key', () => {
    expect(model.segments[0]).toMatchObject({ cidrs: ['10.0.2.0/24'], tags: { Zone: 'internal' } });
  });

  it('makes one ordered set per destination group, targeting its segments', () => {
    expect(set).toMatchObject({ kind: 'ordered-policy', segmentIds: ['nsxt_policy_segment.app'] });
    expect(set.rules.map((rule) => [rule.description, rule.action, rule.order]).sort()).toEqual([
      ['bad', 'deny', 200001],
      ['drop', 'deny', 200900],
      ['ssh', 'allow', 200005],
    ]);
  });

  it('keeps a group chosen by condition unknown, and diagnoses an invalid service port', () => {
    const ssh = set.rules.find((rule) => rule.description === 'ssh')!;
    expect(ssh.peers).toMatchObject([{ kind: 'unknown' }]);
    expect(ssh.ports).toEqual([{ from: 22, to: 22 }]);
    expect(isUnknown(set.rules.find((rule) => rule.description === 'bad')!.ports)).toBe(true);
    expect(model.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid-port-range']);
  });
});
