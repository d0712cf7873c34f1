import { indexModel, type ModelIndex } from '../../analysis/reachability/model-index.ts';
import { locate } from '../../model/location.ts';
import type { Host, Route, RouteTable, Segment } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { describeRoute, internetAccessOf } from './zone-isolation/internet-access.ts';
import { describeSegments } from './zone-isolation/route-tables.ts';

/** The zones the regulation designates for Internet paths. */
const DESIGNATED_ZONES = new Set<string>(['dmz', 'internet-access']);
/** Hosts that receive or send traffic of their own; a launch template is checked through its group. */
const CHECKED_KINDS = new Set<Host['kind']>(['instance', 'autoscaling-group', 'database']);

/** A route to the Internet and the segments it serves. */
interface InternetRoute {
  table: RouteTable;
  route: Route;
  segments: Segment[];
}

/**
 * Every Internet path, in and out, passes a firewall (Đ22.1.b, Đ22.3.b), and
 * only designated zones have one. Two things are findings: a route of a
 * segment outside the DMZ and the internet-access zone to an internet gateway
 * or NAT gateway, and a host on an Internet-routed segment that carries no
 * security group while no network ACL guards its segment. A NAT gateway
 * translates addresses but filters nothing, so it does not count as a firewall.
 */
export default defineRule({
  id: 'internet-edge-firewall',
  check(context) {
    const index = indexModel(context.model);
    const routes = internetRoutes(index);
    for (const entry of routes) checkDesignated(context, entry);
    for (const entry of routes) checkHosts(context, index, entry);
  },
});

function internetRoutes(index: ModelIndex): InternetRoute[] {
  const byRoute = new Map<Route, InternetRoute>();
  for (const segment of index.model.segments) {
    const access = internetAccessOf(index, segment);
    if (access.status !== 'open') continue;
    const entry = byRoute.get(access.route) ?? { table: access.table, route: access.route, segments: [] };
    entry.segments.push(segment);
    byRoute.set(access.route, entry);
  }
  return [...byRoute.values()];
}

function checkDesignated(context: RuleContext, { table, route, segments }: InternetRoute): void {
  const undesignated = segments.filter((segment) => segment.zone.zone !== undefined && !DESIGNATED_ZONES.has(segment.zone.zone));
  if (undesignated.length === 0) return;
  context.report({
    status: 'fail',
    messageId: 'undesignated-zone',
    data: { route: describeRoute(table, route), segments: describeSegments(undesignated) },
    address: table.origin.address,
    origin: table.origin,
    location: locate(route.origin, route.path || undefined),
    detail: `undesignated:${String(route.destination)}:${route.target.written}`,
  });
}

function checkHosts(context: RuleContext, index: ModelIndex, { table, route, segments }: InternetRoute): void {
  for (const segment of segments) {
    if (hasAcl(index, segment)) continue;
    for (const host of index.hostsBySegmentId.get(segment.id) ?? []) {
      if (!CHECKED_KINDS.has(host.kind) || host.firewallSetIds.length > 0) continue;
      context.report({
        status: 'fail',
        messageId: route.target.kind === 'nat-gateway' ? 'no-firewall-nat' : 'no-firewall',
        data: { host: host.id, segment: segment.id, route: describeRoute(table, route) },
        address: host.origin.address,
        origin: host.origin,
        subjectId: host.id,
        location: host.origin.location,
        detail: `no-firewall:${segment.id}`,
        related: [{ location: locate(route.origin, route.path || undefined), message: `Internet ${describeRoute(table, route)}` }],
      });
    }
  }
}

/** True when a network ACL with at least one rule guards the segment. */
function hasAcl(index: ModelIndex, segment: Segment): boolean {
  return (index.aclsBySegmentId.get(segment.id) ?? []).some((set) => set.rules.length > 0);
}
