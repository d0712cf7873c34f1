import { indexModel, type ModelIndex } from '../../analysis/reachability/model-index.ts';
import { locate } from '../../model/location.ts';
import type { ContentFilter, Route, RouteTable, RouteTargetKind, Segment } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { describeRoute, GATEWAY_TARGETS, internetAccessOf } from './zone-isolation/internet-access.ts';
import { describeSegments } from './zone-isolation/route-tables.ts';

/** Zones whose outbound Internet must be filtered. */
const FILTERED_ZONES = new Set<string>(['user-wired', 'user-wireless', 'internal']);
const RELAY_TARGETS: ReadonlySet<RouteTargetKind> = new Set([...GATEWAY_TARGETS, 'instance', 'network-interface']);
const FILTER_ROLES = new Set(['proxy', 'firewall']);

/** An Internet route of filtered-zone segments. */
interface Egress {
  table: RouteTable;
  route: Route;
  segments: Segment[];
}

/**
 * Outbound Internet goes through content filtering in the internet-access
 * zone (Đ22.1.c). A route of a user or internal segment to the Internet is
 * filtered when it leads to a proxy or firewall host in the internet-access
 * zone, when the NAT gateway it leads to sits behind a network firewall, or
 * when a DNS firewall guards the segment's site. Any other such route is a
 * finding.
 */
export default defineRule({
  id: 'internet-content-filter',
  check(context) {
    const index = indexModel(context.model);
    const filters = context.model.contentFilters ?? [];
    for (const egress of egressRoutes(index)) {
      if (isFiltered(index, filters, egress)) continue;
      report(context, egress);
    }
  },
});

function egressRoutes(index: ModelIndex): Egress[] {
  const byRoute = new Map<Route, Egress>();
  for (const segment of index.model.segments) {
    if (segment.zone.zone === undefined || !FILTERED_ZONES.has(segment.zone.zone)) continue;
    const access = internetAccessOf(index, segment, RELAY_TARGETS);
    if (access.status !== 'open') continue;
    const entry = byRoute.get(access.route) ?? { table: access.table, route: access.route, segments: [] };
    entry.segments.push(segment);
    byRoute.set(access.route, entry);
  }
  return [...byRoute.values()];
}

function isFiltered(index: ModelIndex, filters: readonly ContentFilter[], { route, segments }: Egress): boolean {
  const sites = new Set(segments.map((segment) => segment.siteId));
  if (filters.some((filter) => filter.kind === 'dns-firewall' && sites.has(filter.siteId))) return true;
  if (route.target.kind === 'instance' || route.target.kind === 'network-interface') return isFilterHost(index, route.target.id);
  if (route.target.kind === 'nat-gateway') return natBehindFirewall(index, filters, route.target.id);
  return false;
}

/** A proxy or firewall host in the internet-access zone. */
function isFilterHost(index: ModelIndex, hostId: string | undefined): boolean {
  const host = hostId === undefined ? undefined : index.hostsById.get(hostId);
  if (host === undefined || !host.roles.some((role) => FILTER_ROLES.has(role.role))) return false;
  return host.segmentIds.some((id) => index.segmentsById.get(id)?.zone.zone === 'internet-access');
}

/**
 * A NAT gateway in the internet-access zone whose own segment sends public
 * addresses to a network firewall endpoint, or that shares its segment with one.
 */
function natBehindFirewall(index: ModelIndex, filters: readonly ContentFilter[], gatewayId: string | undefined): boolean {
  const gateway = index.model.gateways.find((candidate) => candidate.id === gatewayId);
  const segment = gateway?.segmentId === undefined ? undefined : index.segmentsById.get(gateway.segmentId);
  if (segment === undefined || segment.zone.zone !== 'internet-access') return false;
  const firewalls = filters.filter((filter) => filter.kind === 'network-firewall');
  if (firewalls.some((filter) => filter.segmentIds.includes(segment.id))) return true;
  const onward = internetAccessOf(index, segment, new Set<RouteTargetKind>(['other']));
  return onward.status === 'open' && firewalls.some((filter) => filter.siteId === segment.siteId);
}

function report(context: RuleContext, { table, route, segments }: Egress): void {
  context.report({
    status: 'fail',
    messageId: 'unfiltered',
    data: { route: describeRoute(table, route), segments: describeSegments(segments) },
    address: table.origin.address,
    origin: table.origin,
    location: locate(route.origin, route.path || undefined),
    detail: `unfiltered:${String(route.destination)}:${route.target.written}`,
  });
}
