import { describe, expect, it } from 'vitest';
import { computeReachability } from '../../../src/analysis/reachability/index.ts';
import type { Flow } from '../../../src/analysis/reachability/types.ts';
import type { Peer } from '../../../src/model/types.ts';
import { cidr, ModelBuilder, ports } from './builder.ts';

/**
 * Builds a site 10.0.0.0/16 with a DMZ, an internal and a management segment, and a
 * web host at 10.0.1.10 behind the ordered policy `nsg` of the DMZ segment.
 */
function site(): ModelBuilder {
  return new ModelBuilder()
    .site('vpc', ['10.0.0.0/16'])
    .segment('dmz', ['10.0.1.0/24'], 'dmz')
    .segment('app', ['10.0.2.0/24'], 'internal')
    .segment('mgmt', ['10.0.9.0/24'], 'management')
    .host('web', ['dmz'], [], { addresses: ['10.0.1.10'] })
    .group('nsg', undefined, 'ordered-policy', ['dmz']);
}

const external: Peer = { kind: 'external-group', written: 'sg-0123' };
const virtualNetwork: Peer = { kind: 'tag', tag: 'VirtualNetwork' };

function zoneOf(flow: Flow): string {
  return flow.source.kind === 'zone' ? `zone:${flow.source.zone}` : flow.source.kind;
}

function summary(builder: ModelBuilder): string[] {
  return computeReachability(builder.model).flows.map(
    (flow) => `${zoneOf(flow)} ${flow.ruleId} ${JSON.stringify(flow.ports)}`,
  );
}

describe('ordered policy peers', () => {
  it('match a tag by its address list', () => {
    const builder = site().rule('nsg', 'allow', {
      protocol: 'tcp',
      ports: ports(443),
      peers: [{ kind: 'tag', tag: 'office', cidrs: ['10.0.9.0/24'] }],
      order: 100,
    });
    expect(summary(builder)).toEqual(['zone:management allow [{"from":443,"to":443}]']);
  });

  it('match the Internet tag as public space', () => {
    const builder = site().rule('nsg', 'allow', {
      protocol: 'tcp',
      ports: ports(443),
      peers: [{ kind: 'tag', tag: 'Internet' }],
      order: 100,
    });
    expect(summary(builder)).toEqual(['internet allow [{"from":443,"to":443}]']);
  });

  it('match a group by its hosts', () => {
    const builder = site()
      .group('bastion-sg')
      .host('bastion', ['mgmt'], ['bastion-sg'])
      .rule('nsg', 'allow', {
        protocol: 'tcp',
        ports: ports(22),
        peers: [{ kind: 'group', groupId: 'bastion-sg', written: 'bastion' }],
        order: 100,
      });
    expect(summary(builder)).toEqual(['zone:management allow [{"from":22,"to":22}]']);
  });

  it('let a group deny remove its hosts', () => {
    const builder = site()
      .group('bastion-sg')
      .host('bastion', ['mgmt'], ['bastion-sg'])
      .rule('nsg', 'deny', {
        protocol: 'tcp',
        ports: ports(22),
        peers: [{ kind: 'group', groupId: 'bastion-sg', written: 'bastion' }],
        action: 'deny',
        order: 100,
      })
      .rule('nsg', 'allow', { protocol: 'tcp', ports: ports(22), peers: cidr('10.0.2.0/24', '10.0.9.0/24'), order: 110 });
    expect(summary(builder)).toEqual(['zone:internal allow [{"from":22,"to":22}]']);
  });

  describe('of a deny whose addresses are not known', () => {
    function policy(peer: Peer) {
      return site()
        .rule('nsg', 'deny-ssh', { protocol: 'tcp', ports: ports(22), peers: [peer], action: 'deny', order: 100 })
        .rule('nsg', 'allow', { protocol: 'tcp', ports: ports(20, 23), peers: cidr('0.0.0.0/0'), order: 110 });
    }

    it.each([
      ['an external group', external, 'sg-0123'],
      ['a tag without addresses', virtualNetwork, 'VirtualNetwork'],
    ])('leave its ports not evaluated for %s', (_name, peer, written) => {
      const reachability = computeReachability(policy(peer).model);
      const internet = reachability.flows.filter((flow) => flow.source.kind === 'internet');
      expect(internet.map((flow) => flow.ports)).toEqual([[{ from: 20, to: 21 }, { from: 23, to: 23 }]]);
      expect(reachability.unevaluated).toHaveLength(1);
      expect(reachability.unevaluated[0]).toMatchObject({ ruleId: 'allow', part: 'source' });
      expect(reachability.unevaluated[0]?.unknown.origin).toBe(written);
      expect(reachability.unevaluated[0]?.unknown.reason).toContain('deny-ssh');
    });

    it('do not touch other ports', () => {
      const builder = site()
        .rule('nsg', 'deny-ssh', { protocol: 'tcp', ports: ports(22), peers: [external], action: 'deny', order: 100 })
        .rule('nsg', 'allow', { protocol: 'tcp', ports: ports(443), peers: cidr('0.0.0.0/0'), order: 110 });
      expect(computeReachability(builder.model).unevaluated).toEqual([]);
    });
  });
});

describe('ordered policy rules for all protocols', () => {
  function denyAll(portRanges = ports(22)) {
    return site().rule('nsg', 'deny-any', { protocol: 'all', ports: portRanges, peers: cidr('0.0.0.0/0'), action: 'deny', order: 100 });
  }
  const internet = (builder: ModelBuilder) =>
    computeReachability(builder.model).flows.filter((flow) => flow.source.kind === 'internet');

  it('deny only their listed ports', () => {
    const builder = denyAll().rule('nsg', 'allow', { protocol: 'tcp', ports: ports(443), peers: cidr('0.0.0.0/0'), order: 110 });
    expect(internet(builder).map((flow) => flow.ports)).toEqual([[{ from: 443, to: 443 }]]);
  });

  it('narrow an allow of the same port range', () => {
    const builder = denyAll().rule('nsg', 'allow', { protocol: 'udp', ports: ports(20, 23), peers: cidr('0.0.0.0/0'), order: 110 });
    expect(internet(builder).map((flow) => flow.ports)).toEqual([[{ from: 20, to: 21 }, { from: 23, to: 23 }]]);
  });

  it('leave protocols without ports open', () => {
    const builder = denyAll().rule('nsg', 'allow', { protocol: 'icmp', ports: [], peers: cidr('0.0.0.0/0'), order: 110 });
    expect(internet(builder).map((flow) => flow.protocol)).toEqual(['icmp']);
  });

  it('deny protocols without ports over the whole range', () => {
    const builder = denyAll(ports(0, 65535)).rule('nsg', 'allow', { protocol: 'icmp', ports: [], peers: cidr('0.0.0.0/0'), order: 110 });
    expect(internet(builder)).toEqual([]);
  });

  it('narrow an all-protocols allow', () => {
    const builder = denyAll().rule('nsg', 'allow', { protocol: 'all', ports: ports(0, 65535), peers: cidr('0.0.0.0/0'), order: 110 });
    expect(internet(builder).map((flow) => flow.ports)).toEqual([[{ from: 0, to: 21 }, { from: 23, to: 65535 }]]);
  });
});

describe('ordered policy local peers', () => {
  const allowWeb = { protocol: 'tcp' as const, ports: ports(443), peers: cidr('0.0.0.0/0'), order: 110 };

  it('let a deny to a tag with addresses cover the target', () => {
    const builder = site()
      .rule('nsg', 'deny', { ...allowWeb, action: 'deny', order: 100, localPeers: [{ kind: 'tag', tag: 'web', cidrs: ['10.0.1.0/28'] }] })
      .rule('nsg', 'allow', { ...allowWeb, localPeers: cidr('10.0.1.10/32') });
    expect(computeReachability(builder.model).flows.filter((flow) => flow.source.kind === 'internet')).toEqual([]);
  });

  it('leave a deny to unknown addresses not evaluated', () => {
    const builder = site()
      .rule('nsg', 'deny', { ...allowWeb, action: 'deny', order: 100, localPeers: [virtualNetwork] })
      .rule('nsg', 'allow', { ...allowWeb, localPeers: cidr('10.0.1.10/32') });
    const reachability = computeReachability(builder.model);
    expect(reachability.flows.filter((flow) => flow.source.kind === 'internet')).toEqual([]);
    expect(reachability.unevaluated.map((entry) => [entry.ruleId, entry.part])).toEqual([['allow', 'target']]);
  });
});

describe('ordered policy sets without hosts', () => {
  /** The policies toward one firewall interface: no host, no segment, no zone tag. */
  function appliance(localPeers: Peer[], extra?: (builder: ModelBuilder) => ModelBuilder) {
    const builder = new ModelBuilder()
      .site('vpc', ['10.0.0.0/16'])
      .segment('dmz', ['10.0.1.0/24'], 'dmz')
      .segment('mgmt', ['10.0.9.0/24'], 'management')
      .group('to-inside', undefined, 'ordered-policy');
    (extra?.(builder) ?? builder).rule('to-inside', 'allow', { protocol: 'tcp', ports: ports(22), peers: cidr('0.0.0.0/0'), order: 110, localPeers });
    return computeReachability(builder.model).flows.filter((flow) => flow.source.kind === 'internet');
  }

  it('take the zone of their local peers', () => {
    const flows = appliance(cidr('10.0.1.10/32'));
    expect(flows.map((flow) => [flow.target, flow.targetZone])).toEqual([[{ kind: 'firewall-set', setId: 'to-inside' }, 'dmz']]);
  });

  it('split flows per destination zone', () => {
    const flows = appliance(cidr('10.0.1.10/32', '10.0.9.5/32'));
    expect(flows.map((flow) => flow.targetZone).sort()).toEqual(['dmz', 'management']);
  });

  it('let a deny remove one destination zone', () => {
    const flows = appliance(cidr('10.0.1.10/32', '10.0.9.5/32'), (builder) =>
      builder.rule('to-inside', 'deny', { protocol: 'tcp', ports: ports(22), peers: cidr('0.0.0.0/0'), action: 'deny', order: 100, localPeers: cidr('10.0.9.0/24') }),
    );
    expect(flows.map((flow) => flow.targetZone)).toEqual(['dmz']);
  });

  it('stay whole for local peers covering every site', () => {
    const flows = appliance(cidr('0.0.0.0/0'));
    expect(flows.map((flow) => [flow.target, flow.targetZone])).toEqual([[{ kind: 'firewall-set', setId: 'to-inside' }, undefined]]);
  });

  it('keep their segment when local peers cover everything', () => {
    const builder = site().rule('nsg', 'allow', { protocol: 'tcp', ports: ports(22), peers: cidr('0.0.0.0/0'), order: 110, localPeers: cidr('0.0.0.0/0') });
    builder.model.hosts = [];
    const flows = computeReachability(builder.model).flows.filter((flow) => flow.source.kind === 'internet');
    expect(flows.map((flow) => flow.targetZone)).toEqual(['dmz']);
  });
});
