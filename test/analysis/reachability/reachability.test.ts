import { describe, expect, it } from 'vitest';
import { computeReachability } from '../../../src/analysis/reachability/index.ts';
import type { Flow } from '../../../src/analysis/reachability/types.ts';
import { Unknown } from '../../../src/model/unknown.ts';
import { cidr, ModelBuilder, ports } from './builder.ts';

/** Builds a site 10.0.0.0/16 with a DMZ, an internal and a management segment, and an app host. */
function baseSite(): ModelBuilder {
  return new ModelBuilder()
    .site('vpc', ['10.0.0.0/16'])
    .segment('dmz', ['10.0.1.0/24'], 'dmz')
    .segment('app', ['10.0.2.0/24'], 'internal')
    .segment('mgmt', ['10.0.9.0/24'], 'management')
    .group('app-sg', 'internal')
    .host('app', ['app'], ['app-sg']);
}

function sourcesOf(flows: Flow[]): string[] {
  return flows.map((flow) => {
    const source = flow.source;
    if (source.kind === 'zone') return `zone:${source.zone}`;
    if (source.kind === 'external-group') return `external-group:${source.written}`;
    return `${source.kind}:${source.cidrs.join(',')}`;
  }).sort();
}

describe('sources', () => {
  it('splits 0.0.0.0/0 into zones and the internet', () => {
    const builder = baseSite().rule('app-sg', 'r', { protocol: 'tcp', ports: ports(22), peers: cidr('0.0.0.0/0') });
    const { flows } = computeReachability(builder.model);
    expect(sourcesOf(flows)).toEqual([
      'internet:0.0.0.0/0',
      'unclassified:10.0.0.0/24,10.0.3.0/24,10.0.4.0/22,10.0.8.0/24,10.0.10.0/23,10.0.12.0/22,10.0.16.0/20,10.0.32.0/19,10.0.64.0/18,10.0.128.0/17',
      'zone:dmz',
      'zone:internal',
      'zone:management',
    ]);
    const internal = flows.find((flow) => flow.source.kind === 'zone' && flow.source.zone === 'internal');
    expect(internal?.source).toMatchObject({ segmentIds: ['app'], cidrs: ['10.0.2.0/24'] });
    expect(flows.every((flow) => flow.targetZone === 'internal')).toBe(true);
  });

  it('reads ::/0 in any spelling as the internet', () => {
    const builder = baseSite().rule('app-sg', 'r', { protocol: 'tcp', ports: ports(3389), peers: cidr('::/0') });
    const { flows } = computeReachability(builder.model);
    expect(sourcesOf(flows)).toEqual(['internet:::/0']);
  });

  it('reads two /1 halves together as the internet', () => {
    const builder = baseSite().rule('app-sg', 'r', {
      protocol: 'tcp',
      ports: ports(22),
      peers: cidr('0.0.0.0/1', '128.0.0.0/1'),
    });
    const internet = computeReachability(builder.model).flows.filter((flow) => flow.source.kind === 'internet');
    expect(internet).toHaveLength(1);
    expect(internet[0]?.source).toEqual({ kind: 'internet', cidrs: ['0.0.0.0/1', '128.0.0.0/1'] });
  });

  it('keeps a narrow public range as outside', () => {
    const builder = baseSite().rule('app-sg', 'r', { protocol: 'tcp', ports: ports(22), peers: cidr('203.0.112.0/23') });
    expect(sourcesOf(computeReachability(builder.model).flows)).toEqual(['outside:203.0.112.0/23']);
  });

  it('treats private space outside every site as outside', () => {
    const builder = baseSite().rule('app-sg', 'r', { protocol: 'tcp', ports: ports(22), peers: cidr('192.168.0.0/24') });
    expect(sourcesOf(computeReachability(builder.model).flows)).toEqual(['outside:192.168.0.0/24']);
  });

  it('resolves a group to the zones of its hosts', () => {
    const builder = baseSite()
      .group('bastion-sg')
      .host('bastion', ['mgmt'], ['bastion-sg'])
      .rule('app-sg', 'r', { protocol: 'tcp', ports: ports(22), peers: [{ kind: 'group', groupId: 'bastion-sg', written: 'bastion' }] });
    const [flow] = computeReachability(builder.model).flows;
    expect(flow?.source).toEqual({ kind: 'zone', zone: 'management', segmentIds: ['mgmt'], cidrs: ['10.0.9.0/24'] });
  });

  it('resolves a group without hosts to its zone tag', () => {
    const builder = baseSite()
      .group('alb-sg', 'dmz')
      .rule('app-sg', 'r', { protocol: 'tcp', ports: ports(8080), peers: [{ kind: 'group', groupId: 'alb-sg', written: 'alb' }] });
    const [flow] = computeReachability(builder.model).flows;
    expect(flow?.source).toMatchObject({ kind: 'zone', zone: 'dmz' });
  });

  it('resolves self to the group own hosts', () => {
    const builder = baseSite().rule('app-sg', 'r', { protocol: 'all', ports: ports(0, 65535), peers: [{ kind: 'self' }] });
    expect(sourcesOf(computeReachability(builder.model).flows)).toEqual(['zone:internal']);
  });

  it('keeps an external group as it is', () => {
    const builder = baseSite().rule('app-sg', 'r', {
      protocol: 'tcp',
      ports: ports(22),
      peers: [{ kind: 'external-group', written: 'sg-0123' }],
    });
    expect(sourcesOf(computeReachability(builder.model).flows)).toEqual(['external-group:sg-0123']);
  });

  it('judges known peers next to an unknown one', () => {
    const unknown = new Unknown('computed by the provider', 'data.x.cidr');
    const builder = baseSite().rule('app-sg', 'r', {
      protocol: 'tcp',
      ports: ports(22),
      peers: [{ kind: 'unknown', unknown }, ...cidr('0.0.0.0/0')],
    });
    const result = computeReachability(builder.model);
    expect(result.unevaluated).toHaveLength(1);
    expect(result.unevaluated[0]).toMatchObject({ ruleId: 'r', part: 'source', unknown });
    expect(result.flows.some((flow) => flow.source.kind === 'internet')).toBe(true);
  });

  it('reports unknown ports and protocols as not evaluated', () => {
    const builder = baseSite()
      .rule('app-sg', 'p', { protocol: new Unknown('variable without value', 'var.proto'), ports: [], peers: cidr('0.0.0.0/0') })
      .rule('app-sg', 'q', { protocol: 'tcp', ports: new Unknown('invalid port range', '22-'), peers: cidr('0.0.0.0/0') });
    const result = computeReachability(builder.model);
    expect(result.flows).toEqual([]);
    expect(result.unevaluated.map((entry) => `${entry.ruleId}:${entry.part}`)).toEqual(['p:protocol', 'q:ports']);
  });
});

describe('targets', () => {
  it('makes a group without hosts a target with its tag zone', () => {
    const builder = baseSite()
      .group('lonely', 'dmz')
      .rule('lonely', 'r', { protocol: 'tcp', ports: ports(443), peers: cidr('0.0.0.0/0') });
    const internet = computeReachability(builder.model).flows.filter((flow) => flow.source.kind === 'internet');
    expect(internet).toHaveLength(1);
    expect(internet[0]).toMatchObject({ target: { kind: 'firewall-set', setId: 'lonely' }, targetZone: 'dmz', outsidePath: 'unknown' });
  });

  it('makes one flow per zone of a host in two zones', () => {
    const builder = baseSite()
      .group('db-sg')
      .host('db', ['dmz', 'app'], ['db-sg'])
      .rule('db-sg', 'r', { protocol: 'tcp', ports: ports(5432), peers: cidr('203.0.113.0/24') });
    const zones = computeReachability(builder.model).flows.map((flow) => flow.targetZone).sort();
    expect(zones).toEqual(['dmz', 'internal']);
  });
});

describe('ordered ACLs', () => {
  function withAcl(): ModelBuilder {
    return baseSite()
      .group('acl', undefined, 'stateless-acl', ['app'])
      .rule('app-sg', 'r', { protocol: 'tcp', ports: ports(20, 25), peers: cidr('0.0.0.0/0') });
  }

  it('subtracts a deny before an allow', () => {
    const builder = withAcl()
      .rule('acl', 'deny-ssh', { protocol: 'tcp', ports: ports(22), peers: cidr('0.0.0.0/0'), action: 'deny', order: 100 })
      .rule('acl', 'allow-all', { protocol: 'all', ports: ports(0, 65535), peers: cidr('0.0.0.0/0'), order: 200 });
    const internet = computeReachability(builder.model).flows.find((flow) => flow.source.kind === 'internet');
    expect(internet?.ports).toEqual([{ from: 20, to: 21 }, { from: 23, to: 25 }]);
    expect(internet?.evidence.map((step) => step.kind)).toContain('acl-rule');
  });

  it('ignores a deny after the allow', () => {
    const builder = withAcl()
      .rule('acl', 'deny-ssh', { protocol: 'tcp', ports: ports(22), peers: cidr('0.0.0.0/0'), action: 'deny', order: 300 })
      .rule('acl', 'allow-all', { protocol: 'all', ports: ports(0, 65535), peers: cidr('0.0.0.0/0'), order: 200 });
    const internet = computeReachability(builder.model).flows.find((flow) => flow.source.kind === 'internet');
    expect(internet?.ports).toEqual([{ from: 20, to: 25 }]);
  });

  it('denies by default what no ACL rule allows', () => {
    const builder = withAcl().rule('acl', 'allow-web', { protocol: 'tcp', ports: ports(443), peers: cidr('0.0.0.0/0'), order: 100 });
    expect(computeReachability(builder.model).flows).toEqual([]);
  });

  it('splits by address: a deny of one range leaves the rest', () => {
    const builder = withAcl()
      .rule('acl', 'deny-half', { protocol: 'tcp', ports: ports(22), peers: cidr('0.0.0.0/1'), action: 'deny', order: 100 })
      .rule('acl', 'allow-all', { protocol: 'all', ports: ports(0, 65535), peers: cidr('0.0.0.0/0'), order: 200 });
    const internet = computeReachability(builder.model).flows.find((flow) => flow.source.kind === 'internet');
    expect(internet?.ports).toEqual([{ from: 20, to: 25 }]);
  });

  it('applies the outbound ACL of the source segment', () => {
    const builder = baseSite()
      .group('acl', undefined, 'stateless-acl', ['mgmt'])
      .rule('acl', 'out', { protocol: 'tcp', ports: ports(22), peers: cidr('10.0.0.0/16'), direction: 'egress', order: 100 })
      .rule('app-sg', 'r', { protocol: 'tcp', ports: ports(20, 25), peers: cidr('10.0.9.0/24') });
    const [flow] = computeReachability(builder.model).flows;
    expect(flow?.ports).toEqual([{ from: 22, to: 22 }]);
  });
});

describe('outside path', () => {
  function exposed(extra: (builder: ModelBuilder) => ModelBuilder): Flow | undefined {
    const builder = extra(baseSite().rule('app-sg', 'r', { protocol: 'tcp', ports: ports(22), peers: cidr('0.0.0.0/0') }));
    return computeReachability(builder.model).flows.find((flow) => flow.source.kind === 'internet');
  }

  it('is open with a public address and a route to an internet gateway', () => {
    const flow = exposed((builder) => {
      builder.model.hosts[0]!.publicAddress = true;
      return builder.routeTable('rt', ['app'], [['0.0.0.0/0', 'internet-gateway']]);
    });
    expect(flow?.outsidePath).toBe('open');
    expect(flow?.evidence.map((step) => step.kind)).toEqual(['route', 'public-address', 'group-rule']);
  });

  it('uses the main table of the site for a segment without association', () => {
    const flow = exposed((builder) => {
      builder.model.segments[1]!.mapPublicIp = true;
      return builder.routeTable('main', [], [['0.0.0.0/0', 'internet-gateway']], true);
    });
    expect(flow?.outsidePath).toBe('open');
  });

  it('is closed when the route goes to a NAT gateway', () => {
    const flow = exposed((builder) => {
      builder.model.hosts[0]!.publicAddress = true;
      return builder.routeTable('rt', ['app'], [['0.0.0.0/0', 'nat-gateway']]);
    });
    expect(flow?.outsidePath).toBe('closed');
  });

  it('is closed without a public address where routing is known', () => {
    const flow = exposed((builder) => builder.routeTable('rt', ['app'], [['0.0.0.0/0', 'internet-gateway']]));
    expect(flow?.outsidePath).toBe('closed');
  });

  it('is unknown without a public address when no route table exists', () => {
    expect(exposed((builder) => builder)?.outsidePath).toBe('unknown');
  });

  it('is unknown when the public address is unknown and no route table exists', () => {
    const flow = exposed((builder) => {
      builder.model.hosts[0]!.publicAddress = new Unknown('computed', 'aws_eip.x');
      return builder;
    });
    expect(flow?.outsidePath).toBe('unknown');
  });
});

describe('load balancers', () => {
  function portal(targetRulePeer: 'group' | 'none'): ModelBuilder {
    const builder = baseSite()
      .group('alb-sg', 'dmz')
      .rule('alb-sg', 'alb-in', { protocol: 'tcp', ports: ports(443), peers: cidr('0.0.0.0/0') })
      .host('alb', ['dmz'], ['alb-sg'], {
        kind: 'load-balancer',
        loadBalancer: {
          internetFacing: true,
          listeners: [{ protocol: 'HTTPS', port: 443, origin: { address: 'listener', location: { file: '/scan/lb.tf' }, attributes: {}, moduleCalls: [] }, path: '' }],
          targetGroupIds: ['tg'],
        },
      })
      .targetGroup('tg', 8080, ['app']);
    if (targetRulePeer === 'group') {
      builder.rule('app-sg', 'app-in', {
        protocol: 'tcp',
        ports: ports(8080),
        peers: [{ kind: 'group', groupId: 'alb-sg', written: 'alb' }],
      });
    }
    return builder;
  }

  it('adds a flow from the internet through the listener to the target', () => {
    const flows = computeReachability(portal('group').model).flows;
    const forwarded = flows.filter((flow) => flow.throughLoadBalancer === 'alb');
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]).toMatchObject({
      source: { kind: 'internet', cidrs: ['0.0.0.0/0'] },
      target: { kind: 'host', hostId: 'app' },
      targetZone: 'internal',
      ruleId: 'app-in',
      ports: [{ from: 8080, to: 8080 }],
      outsidePath: 'open',
    });
    expect(forwarded[0]?.evidence.map((step) => step.kind)).toEqual(['load-balancer', 'listener', 'group-rule', 'group-rule']);
  });

  it('adds no flow when the target group does not admit the balancer', () => {
    const flows = computeReachability(portal('none').model).flows;
    expect(flows.filter((flow) => flow.throughLoadBalancer !== undefined)).toEqual([]);
  });
});

describe('matrix', () => {
  it('unions services per zone pair', () => {
    const builder = baseSite()
      .rule('app-sg', 'a', { protocol: 'tcp', ports: ports(22), peers: cidr('10.0.9.0/24') })
      .rule('app-sg', 'b', { protocol: 'tcp', ports: ports(23, 24), peers: cidr('10.0.9.0/25') });
    const { matrix } = computeReachability(builder.model);
    expect(matrix).toEqual([
      { from: 'management', to: 'internal', services: [{ protocol: 'tcp', ports: [{ from: 22, to: 24 }] }], ruleIds: ['a', 'b'] },
    ]);
  });
});

describe('ordered policies', () => {
  it('lets an earlier deny narrow a later allow', () => {
    const builder = baseSite()
      .group('nsg', 'dmz', 'ordered-policy')
      .rule('nsg', 'deny-telnet', { protocol: 'tcp', ports: ports(23), peers: cidr('0.0.0.0/0'), action: 'deny', order: 100 })
      .rule('nsg', 'allow-bundle', { protocol: 'tcp', ports: ports(20, 23), peers: cidr('0.0.0.0/0'), order: 110 });
    const internet = computeReachability(builder.model).flows.filter((flow) => flow.source.kind === 'internet');
    expect(internet).toHaveLength(1);
    expect(internet[0]?.ruleId).toBe('allow-bundle');
    expect(internet[0]?.ports).toEqual([{ from: 20, to: 22 }]);
    expect(internet[0]?.target).toEqual({ kind: 'firewall-set', setId: 'nsg' });
  });

  it('applies to the hosts of its segments', () => {
    const builder = baseSite()
      .group('nsg', undefined, 'ordered-policy', ['app'])
      .rule('nsg', 'allow', { protocol: 'udp', ports: ports(53), peers: cidr('0.0.0.0/0'), order: 100 });
    const internet = computeReachability(builder.model).flows.filter((flow) => flow.source.kind === 'internet');
    expect(internet.map((flow) => flow.target)).toEqual([{ kind: 'host', hostId: 'app' }]);
  });

  describe('rules aimed at other local addresses', () => {
    function policy(denyTo: string) {
      return baseSite()
        .host('web', ['dmz'], [], { addresses: ['10.0.1.10'] })
        .group('nsg', undefined, 'ordered-policy', ['dmz'])
        .rule('nsg', 'deny-https', { protocol: 'tcp', ports: ports(443), peers: cidr('0.0.0.0/0'), action: 'deny', order: 100, localPeers: cidr(denyTo) })
        .rule('nsg', 'allow-web', { protocol: 'tcp', ports: ports(443), peers: cidr('0.0.0.0/0'), order: 110, localPeers: cidr('10.0.1.10/32') });
    }
    const internetFlows = (builder: ModelBuilder) =>
      computeReachability(builder.model).flows.filter((flow) => flow.source.kind === 'internet');

    it('do not hide a later allow', () => {
      const flows = internetFlows(policy('10.0.1.99/32'));
      expect(flows.map((flow) => [flow.ruleId, flow.target, flow.ports])).toEqual([
        ['allow-web', { kind: 'host', hostId: 'web' }, [{ from: 443, to: 443 }]],
      ]);
    });

    it('still deny when they cover the target', () => {
      expect(internetFlows(policy('10.0.1.0/24'))).toEqual([]);
    });
  });
});
