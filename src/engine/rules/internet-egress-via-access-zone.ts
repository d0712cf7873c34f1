import { IpSet } from '../../analysis/net/ip-set.ts';
import { publicSpace } from '../../analysis/net/well-known.ts';
import { spaceOf } from '../../analysis/reachability/model-index.ts';
import { locate } from '../../model/location.ts';
import type { FirewallRule, FirewallSet, InfrastructureModel, Peer, Route, RouteTable, Segment } from '../../model/types.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { describeRule } from './support/flow-findings.ts';
import { formatTraffic, mergeTraffic, serviceListParameter, trafficBeyond, trafficOf, type NamedService } from './support/services.ts';

const EGRESS_ALLOWED = 'dmzEgressServices';
const DIRECT_ZONES = new Set(['internet-access', 'dmz']);
const INTERNET_GATEWAYS = new Set<Route['target']['kind']>(['internet-gateway', 'egress-only-internet-gateway']);
const PUBLIC_BY_FAMILY = [IpSet.all(4), IpSet.all(6)].map((family) => publicSpace().intersect(family));

/**
 * Outbound internet access of every zone goes through the internet-access
 * zone: segments of other zones (the DMZ excepted, which answers inbound
 * traffic) have no default route to an internet gateway, and DMZ hosts open
 * no egress to the internet beyond DNS, NTP and update mirrors.
 */
export default defineRule({
  id: 'internet-egress-via-access-zone',
  check(context) {
    checkRoutes(context);
    checkDmzEgress(context, serviceListParameter(context.meta, EGRESS_ALLOWED));
  },
});

function checkRoutes(context: RuleContext): void {
  for (const [table, segments] of tablesOfZonedSegments(context.model)) {
    for (const route of table.routes) {
      if (!INTERNET_GATEWAYS.has(route.target.kind)) continue;
      const common = { address: table.origin.address, origin: table.origin, location: locate(route.origin, route.path || undefined) };
      const segmentText = segments.map((segment) => `${segment.id} (${segment.zone.zone})`).join(', ');
      if (isUnknown(route.destination)) {
        const data = { table: table.origin.address, segments: segmentText, expression: route.destination.origin, reason: route.destination.reason };
        context.report({ ...common, status: 'unknown', messageId: 'route-unknown', data, detail: `route:unknown:${route.destination.origin}`, unknown: route.destination });
        continue;
      }
      if (!isDefaultRoute(route.destination)) continue;
      const data = { table: table.origin.address, destination: route.destination, gateway: route.target.written, segments: segmentText };
      context.report({ ...common, status: 'fail', messageId: 'direct-route', data, detail: `route:${route.destination}:${route.target.written}` });
    }
  }
}

function isDefaultRoute(destination: string): boolean {
  return destination === '0.0.0.0/0' || destination === '::/0';
}

/** Route tables that serve segments of zones that must not reach the internet directly. */
function tablesOfZonedSegments(model: InfrastructureModel): Map<RouteTable, Segment[]> {
  const associated = new Set(model.routeTables.flatMap((table) => table.segmentIds));
  const tables = new Map<RouteTable, Segment[]>();
  for (const segment of model.segments) {
    const zone = segment.zone.zone;
    if (zone === undefined || DIRECT_ZONES.has(zone)) continue;
    const table = associated.has(segment.id)
      ? model.routeTables.find((candidate) => candidate.segmentIds.includes(segment.id))
      : model.routeTables.find((candidate) => candidate.main && candidate.siteId !== undefined && candidate.siteId === segment.siteId);
    if (table !== undefined) tables.set(table, [...(tables.get(table) ?? []), segment]);
  }
  return tables;
}

function checkDmzEgress(context: RuleContext, allowed: NamedService[]): void {
  for (const set of dmzGroups(context.model)) {
    for (const rule of set.rules) {
      if (rule.direction !== 'egress' || rule.action !== 'allow') continue;
      if (isUnknown(rule.protocol) || isUnknown(rule.ports) || !reachesInternet(rule.peers)) continue;
      const beyond = mergeTraffic(trafficBeyond(trafficOf(rule.protocol, rule.ports), allowed));
      if (beyond.length === 0) continue;
      reportDmzEgress(context, set, rule, beyond.map(formatTraffic).join(', '));
    }
  }
}

function reportDmzEgress(context: RuleContext, set: FirewallSet, rule: FirewallRule, services: string): void {
  const peer = rule.peers.find((candidate) => candidate.kind === 'cidr' && candidate.location !== undefined);
  context.report({
    status: 'fail',
    messageId: 'dmz-egress-wide',
    data: { rule: describeRule(rule), group: set.id, services },
    address: rule.origin.address,
    origin: rule.origin,
    location: peer?.location ?? locate(rule.origin, rule.path || undefined),
    detail: `dmz-egress:${services}`,
    restsOn: [EGRESS_ALLOWED],
  });
}

/** Groups carried by a DMZ host, or tagged DMZ when no host carries them. */
function dmzGroups(model: InfrastructureModel): FirewallSet[] {
  const dmzSegments = new Set(model.segments.filter((segment) => segment.zone.zone === 'dmz').map((segment) => segment.id));
  const carried = new Set<string>();
  const dmzCarried = new Set<string>();
  for (const host of model.hosts) {
    for (const setId of host.firewallSetIds) carried.add(setId);
    if (host.segmentIds.some((id) => dmzSegments.has(id))) host.firewallSetIds.forEach((id) => dmzCarried.add(id));
  }
  return model.firewallSets.filter(
    (set) => set.kind === 'stateful-group' && (dmzCarried.has(set.id) || (!carried.has(set.id) && set.zone?.zone === 'dmz')),
  );
}

/** True when the peers cover the whole public space of an address family, or name the Internet tag. */
function reachesInternet(peers: readonly Peer[]): boolean {
  if (peers.some((peer) => peer.kind === 'tag' && peer.tag.toLowerCase() === 'internet')) return true;
  let space = IpSet.empty();
  for (const peer of peers) {
    if (peer.kind === 'cidr') space = space.union(spaceOf([peer.cidr]));
    if (peer.kind === 'tag') space = space.union(spaceOf(peer.cidrs ?? []));
  }
  return PUBLIC_BY_FAMILY.some((family) => space.contains(family));
}
