import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../../src/model/build.ts';
import { isUnknown } from '../../../../src/model/unknown.ts';
import { ref, resource } from '../../resource.ts';
import { exampleFiles, scanProviderFiles } from '../pipeline.ts';

describe('openstack security group rules', () => {
  const rule = (fields: Record<string, unknown>) =>
    buildModel([
      resource('openstack_networking_secgroup_v2.g', { name: 'g', tags: ['Zone=mgmt'] }),
      resource('openstack_networking_secgroup_rule_v2.r', { security_group_id: ref('openstack_networking_secgroup_v2.g'), direction: 'ingress', ethertype: 'IPv4', ...fields }),
    ]);

  const cases: Array<[string, Record<string, unknown>, unknown, unknown, string[]]> = [
    ['a port range', { protocol: 'tcp', port_range_min: 80, port_range_max: 90, remote_ip_prefix: '192.0.2.0/24' }, 'tcp', [{ from: 80, to: 90 }], ['192.0.2.0/24']],
    ['no ports, which is every port', { protocol: 'udp', remote_ip_prefix: '192.0.2.0/24' }, 'udp', [{ from: 0, to: 65535 }], ['192.0.2.0/24']],
    ['no protocol, which is every protocol', { remote_ip_prefix: '192.0.2.0/24' }, 'all', [{ from: 0, to: 65535 }], ['192.0.2.0/24']],
    ['no remote, which is every IPv4 address', { protocol: 'tcp', port_range_min: 22, port_range_max: 22 }, 'tcp', [{ from: 22, to: 22 }], ['0.0.0.0/0']],
    ['no remote with IPv6', { protocol: 'icmp', ethertype: 'IPv6' }, 'icmp', [], ['::/0']],
  ];
  it.each(cases)('reads %s', (_name, fields, protocol, ports, cidrs) => {
    const model = rule(fields);
    const found = model.firewallSets[0]!.rules[0]!;
    expect([found.protocol, found.ports]).toEqual([protocol, ports]);
    expect(found.peers.map((peer) => (peer.kind === 'cidr' ? peer.cidr : peer.kind))).toEqual(cidrs);
  });

  it('reads a remote group and a Zone tag of the group', () => {
    const model = rule({ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_group_id: ref('openstack_networking_secgroup_v2.g') });
    expect(model.firewallSets[0]!.rules[0]!.peers).toMatchObject([{ kind: 'group', groupId: 'openstack_networking_secgroup_v2.g' }]);
    expect(model.firewallSets[0]!.zone?.zone).toBe('management');
  });

  it('diagnoses a reversed port range', () => {
    const model = rule({ protocol: 'tcp', port_range_min: 90, port_range_max: 80 });
    expect(isUnknown(model.firewallSets[0]!.rules[0]!.ports)).toBe(true);
    expect(model.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid-port-range']);
  });
});

describe('openstack placement, floating IPs and routers', async () => {
  const scan = await scanProviderFiles(await exampleFiles(join(import.meta.dirname, '../../../../examples/openstack/compliant')));
  const host = (id: string) => scan.model.hosts.find((candidate) => candidate.id === id)!;

  it('places an instance through its port, with its groups; the floating IP is on the load balancer', () => {
    expect(host('openstack_compute_instance_v2.web[0]')).toMatchObject({
      segmentIds: ['openstack_networking_subnet_v2.dmz'],
      addresses: ['10.30.1.10'],
      publicAddress: false,
      firewallSetIds: ['openstack_networking_secgroup_v2.web'],
    });
  });

  it('places an instance that names only a network in the subnet of its fixed address, and its groups by name', () => {
    expect(host('openstack_compute_instance_v2.app')).toMatchObject({
      publicAddress: false,
      firewallSetIds: ['openstack_networking_secgroup_v2.app'],
      addresses: ['10.30.2.10'],
    });
    expect(host('openstack_compute_instance_v2.app').segmentIds).toEqual(['openstack_networking_subnet_v2.app']);
  });

  it('reads Zone= list tags on subnets and a Zone= description on groups', () => {
    expect(scan.model.segments.map((segment) => segment.zone.zone)).toEqual(['dmz', 'internal', 'internet-access', 'management']);
    expect(scan.model.firewallSets.find((set) => set.id === 'openstack_networking_secgroup_v2.web')!.zone?.zone).toBe('dmz');
  });

  it('makes a router with an external gateway the internet route of its subnets', () => {
    expect(scan.model.routeTables).toMatchObject([{ id: 'openstack_networking_router_v2.edge/routes', segmentIds: ['openstack_networking_subnet_v2.dmz', 'openstack_networking_subnet_v2.egress'] }]);
    expect(scan.model.routeTables[0]!.routes[0]).toMatchObject({ destination: '0.0.0.0/0', target: { kind: 'internet-gateway' } });
    const https = scan.reachability.flows.find((flow) => flow.ruleId === 'openstack_networking_secgroup_rule_v2.web_https' && flow.source.kind === 'internet')!;
    expect(https.outsidePath).toBe('open');
  });

  it('keeps a remote group rule as flows from the zone of the group hosts', () => {
    const flows = scan.reachability.flows.filter((flow) => flow.ruleId === 'openstack_networking_secgroup_rule_v2.app_from_web');
    expect(flows.map((flow) => flow.source.kind === 'zone' && flow.source.zone)).toEqual(['dmz']);
  });
});
