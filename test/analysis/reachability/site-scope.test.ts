import { describe, expect, it } from 'vitest';
import { computeReachability } from '../../../src/analysis/reachability/index.ts';
import type { Flow } from '../../../src/analysis/reachability/types.ts';
import { siteMatrices } from '../../../src/engine/site-matrix.ts';
import type { RouteTargetKind } from '../../../src/model/types.ts';
import { cidr, ModelBuilder, origin, ports } from './builder.ts';

/**
 * Two VPCs with the same zone layout: a wireless, a user and an internal
 * segment each, and an app host in the internal segment of each. The app
 * group of `a` admits 0.0.0.0/0 on port 443.
 */
function twoSites(bCidr = '10.1'): ModelBuilder {
  const builder = new ModelBuilder();
  for (const [site, prefix] of [['a', '10.0'], ['b', bCidr]] as const) {
    builder
      .site(site, [`${prefix}.0.0/16`])
      .segment(`${site}-wifi`, [`${prefix}.1.0/24`], 'user-wireless', { siteId: site })
      .segment(`${site}-users`, [`${prefix}.2.0/24`], 'user-wired', { siteId: site })
      .segment(`${site}-app`, [`${prefix}.3.0/24`], 'internal', { siteId: site })
      .group(`${site}-sg`, 'internal')
      .host(`${site}-host`, [`${site}-app`], [`${site}-sg`], { siteId: site });
    builder.model.firewallSets.at(-1)!.siteId = site;
  }
  return builder.rule('a-sg', 'r', { protocol: 'tcp', ports: ports(443), peers: cidr('0.0.0.0/0') });
}

/** Adds a route table to site `from` with one route through a connecting gateway. */
function route(builder: ModelBuilder, from: string, destination: string, kind: RouteTargetKind): ModelBuilder {
  builder.model.routeTables.push({
    id: `${from}-rt`,
    siteId: from,
    segmentIds: [`${from}-app`],
    main: false,
    routes: [{ destination, target: { kind, id: `${kind}.x`, written: `${kind}.x.id` }, origin: origin(from), path: '' }],
    origin: origin(`${from}-rt`),
  });
  return builder;
}

function sourceSegments(flows: Flow[]): string[] {
  return flows.flatMap((flow) => (flow.source.kind === 'zone' ? flow.source.segmentIds : [])).sort();
}

describe('sources scoped to the target site', () => {
  it('names only the own site segments for a 0.0.0.0/0 rule', () => {
    const { flows } = computeReachability(twoSites().model);
    expect(sourceSegments(flows)).toEqual(['a-app', 'a-users', 'a-wifi']);
    const internet = flows.find((flow) => flow.source.kind === 'internet');
    expect(internet?.source).toEqual({ kind: 'internet', cidrs: ['0.0.0.0/0'] });
  });

  it('tells apart sites that reuse the same CIDRs', () => {
    const { flows } = computeReachability(twoSites('10.0').model);
    expect(sourceSegments(flows)).toEqual(['a-app', 'a-users', 'a-wifi']);
  });

  it('counts the address space of an unconnected site as outside', () => {
    const builder = twoSites();
    builder.rule('a-sg', 'r2', { protocol: 'tcp', ports: ports(22), peers: cidr('10.1.1.0/24') });
    const flows = computeReachability(builder.model).flows.filter((flow) => flow.ruleId === 'r2');
    expect(flows.map((flow) => flow.source)).toEqual([{ kind: 'outside', cidrs: ['10.1.1.0/24'] }]);
  });

  it('adds the segments of a peered site as sources', () => {
    const { flows } = computeReachability(route(twoSites(), 'a', '10.1.0.0/16', 'peering').model);
    expect(sourceSegments(flows)).toEqual(['a-app', 'a-users', 'a-wifi', 'b-app', 'b-users', 'b-wifi']);
  });

  it('joins the sites through a route of either side to a transit or VPN gateway', () => {
    const transit = computeReachability(route(twoSites(), 'b', '10.0.0.0/8', 'transit-gateway').model);
    expect(sourceSegments(transit.flows)).toContain('b-wifi');
    const vpn = computeReachability(route(twoSites(), 'a', '10.1.2.0/24', 'vpn-gateway').model);
    expect(sourceSegments(vpn.flows)).toContain('b-users');
  });

  it('does not join the sites through an internet gateway route', () => {
    const { flows } = computeReachability(route(twoSites(), 'a', '10.1.0.0/16', 'internet-gateway').model);
    expect(sourceSegments(flows)).toEqual(['a-app', 'a-users', 'a-wifi']);
  });

  it('takes the site of the host when the set has none', () => {
    const builder = twoSites();
    builder.model.firewallSets.find((set) => set.id === 'a-sg')!.siteId = undefined;
    expect(sourceSegments(computeReachability(builder.model).flows)).toEqual(['a-app', 'a-users', 'a-wifi']);
  });

  it('keeps every segment when the site is not known', () => {
    const builder = twoSites();
    builder.model.firewallSets.find((set) => set.id === 'a-sg')!.siteId = undefined;
    builder.model.hosts.find((host) => host.id === 'a-host')!.siteId = undefined;
    expect(sourceSegments(computeReachability(builder.model).flows)).toEqual([
      'a-app', 'a-users', 'a-wifi', 'b-app', 'b-users', 'b-wifi',
    ]);
  });

  it('puts the flows in the matrix of the target site only', () => {
    const model = twoSites().model;
    const matrices = siteMatrices(model, computeReachability(model));
    const a = matrices.find((matrix) => matrix.site === 'a');
    const b = matrices.find((matrix) => matrix.site === 'b');
    expect(a?.cells.map((cell) => cell.from).sort()).toEqual(['internal', 'internet', 'unclassified', 'user-wired', 'user-wireless']);
    expect(b?.cells).toEqual([]);
  });
});
