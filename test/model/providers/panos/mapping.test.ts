import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../../src/model/build.ts';
import { parseServicePorts } from '../../../../src/model/providers/panos/services.ts';
import { isUnknown } from '../../../../src/model/unknown.ts';
import { blocks, resource } from '../../resource.ts';

describe('panos value forms', () => {
  it.each([
    ['22', [{ from: 22, to: 22 }]],
    ['80,8080', [{ from: 80, to: 80 }, { from: 8080, to: 8080 }]],
    ['8000-8100', [{ from: 8000, to: 8100 }]],
  ])('reads destination_port %s', (written, expected) => {
    expect(parseServicePorts(written)).toEqual(expected);
  });
});

describe('panos security rules', () => {
  const rule = (fields: Record<string, unknown>) => ({
    source_zones: ['untrust'],
    source_addresses: ['any'],
    destination_zones: ['dmz'],
    destination_addresses: ['any'],
    applications: ['any'],
    action: 'allow',
    ...fields,
  });
  const model = buildModel([
    resource('panos_ethernet_interface.dmz', { name: 'ethernet1/2', static_ips: ['10.0.1.1/24'] }),
    resource('panos_zone.dmz', { name: 'dmz', interfaces: ['ethernet1/2'] }),
    resource('panos_zone.untrust', { name: 'untrust', interfaces: ['ethernet1/1'] }),
    resource('panos_address_object.range', { name: 'range', type: 'ip-range', value: '10.0.1.10-10.0.1.11' }),
    resource('panos_address_object.site', { name: 'site', type: 'fqdn', value: 'example.com' }),
    resource('panos_service_object.bad', { name: 'bad', protocol: 'tcp', destination_port: '22-' }),
    resource('panos_security_rule_group.g', {
      rule: blocks(
        rule({ applications: ['ssh', 'dns'], services: ['application-default'] }),
        rule({ services: ['service-http', 'service-https'], destination_addresses: ['range'] }),
        rule({ services: ['bad'], source_addresses: ['site'] }),
        rule({ applications: ['bittorrent'], services: ['application-default'], disabled: true }),
        rule({ applications: ['bittorrent'], services: ['application-default'], action: 'drop' }),
      ),
    }),
  ]);
  const rules = model.firewallSets.find((set) => set.id === 'panos:zone:dmz')!.rules;

  it('makes zones segments from their interfaces, and untrust the outside', () => {
    expect(model.segments.map((segment) => [segment.id, segment.cidrs, segment.zone.zone])).toEqual([['panos_zone.dmz', ['10.0.1.0/24'], 'dmz']]);
  });

  it('opens the default ports of the applications for application-default, one rule per protocol', () => {
    expect(rules.filter((found) => found.path === 'rule[0]').map((found) => [found.protocol, found.ports, found.order])).toEqual([
      ['tcp', [{ from: 22, to: 22 }, { from: 53, to: 53 }], 0],
      ['udp', [{ from: 53, to: 53 }], 0],
    ]);
    expect(rules[0]!.peers).toMatchObject([{ kind: 'cidr', cidr: '0.0.0.0/0', written: 'any' }]);
  });

  it('reads predefined services and ranges of address objects as local peers', () => {
    const second = rules.find((found) => found.path === 'rule[1]')!;
    expect(second.ports).toEqual([{ from: 80, to: 80 }, { from: 443, to: 443 }, { from: 8080, to: 8080 }]);
    expect(second.localPeers).toMatchObject([{ cidr: '10.0.1.10/31' }]);
  });

  it('keeps invalid services, FQDN addresses and unknown applications unknown, skips disabled rules, reads drop as deny', () => {
    const third = rules.find((found) => found.path === 'rule[2]')!;
    expect(isUnknown(third.ports)).toBe(true);
    expect(third.peers).toMatchObject([{ kind: 'unknown' }]);
    expect(rules.some((found) => found.path === 'rule[3]')).toBe(false);
    const last = rules.find((found) => found.path === 'rule[4]')!;
    expect([last.action, isUnknown(last.ports)]).toEqual(['deny', true]);
    expect(model.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid-port-range']);
  });
});
