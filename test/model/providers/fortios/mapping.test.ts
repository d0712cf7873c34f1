import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../../src/model/build.ts';
import { parsePortRanges } from '../../../../src/model/providers/fortios/services.ts';
import { subnetCidr } from '../../../../src/model/providers/fortios/objects.ts';
import { isUnknown } from '../../../../src/model/unknown.ts';
import { blocks, resource } from '../../resource.ts';

describe('fortios value forms', () => {
  it.each([
    ['10.0.1.0 255.255.255.0', '10.0.1.0/24'],
    ['10.0.1.7 255.255.255.255', '10.0.1.7/32'],
    ['10.0.1.0/24', '10.0.1.0/24'],
    ['0.0.0.0 0.0.0.0', '0.0.0.0/0'],
    ['10.0.1.0 255.0.255.0', undefined],
  ])('reads subnet %s', (written, expected) => {
    expect(subnetCidr(written)).toBe(expected);
  });

  it.each([
    ['22', [{ from: 22, to: 22 }]],
    ['22 80-90', [{ from: 22, to: 22 }, { from: 80, to: 90 }]],
    ['80-90:1024-65535', [{ from: 80, to: 90 }]],
  ])('reads port range %s', (written, expected) => {
    expect(parsePortRanges(written)).toEqual(expected);
  });

  it.each([['22-'], ['90-80'], ['70000']])('rejects port range %s', (written) => {
    expect(parsePortRanges(written)).toContain(written);
  });
});

const interfaces = [
  resource('fortios_system_interface.wan', { name: 'port1', role: 'wan', ip: '203.0.113.2 255.255.255.0' }),
  resource('fortios_system_interface.dmz', { name: 'port2', alias: 'DMZ', ip: '10.0.1.1 255.255.255.0' }),
  resource('fortios_system_interface.lan', { name: 'port3', ip: '10.0.2.1/24' }),
  resource('fortios_system_zone.internal', { name: 'internal', interface: blocks({ interface_name: 'port3' }) }),
];
const policy = (address: string, fields: Record<string, unknown>) =>
  resource(address, { action: 'accept', srcintf: blocks({ name: 'port1' }), srcaddr: blocks({ name: 'all' }), dstaddr: blocks({ name: 'all' }), ...fields });

describe('fortios policies', () => {
  const model = buildModel([
    ...interfaces,
    resource('fortios_firewall_address.fqdn', { name: 'site', type: 'fqdn', fqdn: 'example.com' }),
    resource('fortios_firewallservice_custom.bad', { name: 'bad', tcp_portrange: '22-' }),
    policy('fortios_firewall_policy.web', { policyid: 10, dstintf: blocks({ name: 'port2' }), service: blocks({ name: 'HTTPS' }, { name: 'DNS' }) }),
    policy('fortios_firewall_policy.deny', { policyid: 5, action: 'deny', dstintf: blocks({ name: 'internal' }), service: blocks({ name: 'ALL' }) }),
    policy('fortios_firewall_policy.off', { policyid: 6, status: 'disable', dstintf: blocks({ name: 'internal' }), service: blocks({ name: 'ALL' }) }),
    policy('fortios_firewall_policy.odd', { policyid: 7, dstintf: blocks({ name: 'internal' }), dstaddr: blocks({ name: 'site' }), service: blocks({ name: 'bad' }, { name: 'NOPE' }) }),
  ]);
  const set = (name: string) => model.firewallSets.find((candidate) => candidate.id === `fortios:dstintf:${name}`)!;

  it('makes segments of interfaces with a private address, zoned by alias or FortiOS zone name', () => {
    expect(model.segments.map((segment) => [segment.id, segment.cidrs, segment.zone.zone])).toEqual([
      ['fortios_system_interface.dmz', ['10.0.1.0/24'], 'dmz'],
      ['fortios_system_interface.lan', ['10.0.2.0/24'], 'internal'],
    ]);
  });

  it('groups policies by destination interface, one rule per protocol, in policyid order', () => {
    expect(set('port2')).toMatchObject({ kind: 'ordered-policy', segmentIds: ['fortios_system_interface.dmz'] });
    expect(set('port2').rules.map((rule) => [rule.id, rule.protocol, rule.ports, rule.order])).toEqual([
      ['fortios_firewall_policy.web/tcp', 'tcp', [{ from: 53, to: 53 }, { from: 443, to: 443 }], 10],
      ['fortios_firewall_policy.web/udp', 'udp', [{ from: 53, to: 53 }], 10],
    ]);
    expect(set('port2').rules[0]!.peers).toMatchObject([{ kind: 'cidr', cidr: '0.0.0.0/0', written: 'all' }]);
  });

  it('reads deny, skips disabled policies, and keeps unknown addresses and services as unknown', () => {
    const rules = set('internal').rules;
    expect(rules.map((rule) => [rule.id, rule.action])).toEqual([
      ['fortios_firewall_policy.deny/all', 'deny'],
      ['fortios_firewall_policy.odd/unknown:bad', 'allow'],
      ['fortios_firewall_policy.odd/unknown:NOPE', 'allow'],
    ]);
    expect(isUnknown(rules[1]!.ports)).toBe(true);
    expect(rules[1]!.localPeers).toMatchObject([{ kind: 'unknown' }]);
    expect(model.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid-port-range']);
  });
});
