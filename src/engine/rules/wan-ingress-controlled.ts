import { spaceOf } from '../../analysis/reachability/model-index.ts';
import type { Flow } from '../../analysis/reachability/types.ts';
import { locate } from '../../model/location.ts';
import type { Route, RouteTable, Segment } from '../../model/types.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { describeRule, describeSources, findingLocation, flowDetail, flowsByRule } from './support/flow-findings.ts';
import { reportRuleFlows } from './zone-isolation/flow-report.ts';
import { describeRoute } from './zone-isolation/internet-access.ts';
import { describeSegments, routesTo, segmentsByRouteTable, type TableRoute } from './zone-isolation/route-tables.ts';

/** Route targets that lead to the sector WAN, a site-to-site VPN, a dedicated link or a peered network. */
const WAN_TARGETS = new Set<Route['target']['kind']>(['vpn-gateway', 'transit-gateway', 'peering']);
const PROTECTED_ZONES = new Set<string>(['internal', 'management']);

/**
 * Traffic from outside networks other than the Internet (the sector WAN,
 * VPNs, dedicated links, peerings) lands in a firewalled zone, never directly
 * on internal-server or management addresses. Two things break it: a route
 * table of an internal or management segment that routes to such a network,
 * and a firewall rule that admits the addresses routed to it into those zones.
 */
export default defineRule({
  id: 'wan-ingress-controlled',
  check(context) {
    const wanRoutes = routesTo(context.model, WAN_TARGETS);
    checkDirectRoutes(context);
    checkRules(context, wanRoutes.filter(({ route }) => !isUnknown(route.destination)));
    const unknownRoute = wanRoutes.find(({ route }) => isUnknown(route.destination));
    if (unknownRoute !== undefined) checkUndecided(context, unknownRoute);
  },
});

function isProtected(segment: Segment): boolean {
  return segment.zone.zone !== undefined && PROTECTED_ZONES.has(segment.zone.zone);
}

function checkDirectRoutes(context: RuleContext): void {
  for (const [table, segments] of segmentsByRouteTable(context.model, isProtected)) {
    for (const route of table.routes) {
      if (WAN_TARGETS.has(route.target.kind)) reportDirectRoute(context, table, route, segments);
    }
  }
}

function reportDirectRoute(context: RuleContext, table: RouteTable, route: Route, segments: Segment[]): void {
  const destination = isUnknown(route.destination) ? route.destination.origin : route.destination;
  context.report({
    status: 'fail',
    messageId: 'direct-route',
    data: { table: table.origin.address, destination, gateway: route.target.written, segments: describeSegments(segments) },
    address: table.origin.address,
    origin: table.origin,
    location: locate(route.origin, route.path || undefined),
    detail: `route:${destination}:${route.target.written}`,
  });
}

/** Reports each firewall rule that admits addresses routed to an outside network into a protected zone. */
function checkRules(context: RuleContext, wanRoutes: TableRoute[]): void {
  if (wanRoutes.length === 0) return;
  const fromWan = (flow: Flow) => flow.targetZone !== undefined && PROTECTED_ZONES.has(flow.targetZone) && routesOf(flow, wanRoutes).length > 0;
  for (const group of flowsByRule(context.model, context.reachability.flows, fromWan, true)) {
    const routes = [...new Set(group.flows.flatMap((flow) => routesOf(flow, wanRoutes)))];
    reportRuleFlows(context, group, {
      messageId: 'wan-reaches-protected',
      data: { routes: routes.map(({ table, route }) => describeRoute(table, route)).join(', ') },
      related: routes.map(({ table, route }) => ({ location: locate(route.origin, route.path || undefined), message: describeRoute(table, route) })),
    });
  }
}

/** The outside-network routes whose destination overlaps the flow's source addresses. */
function routesOf(flow: Flow, wanRoutes: TableRoute[]): TableRoute[] {
  if (flow.source.kind !== 'outside') return [];
  const source = spaceOf(flow.source.cidrs);
  return wanRoutes.filter(({ route }) => !isUnknown(route.destination) && spaceOf([route.destination]).overlaps(source));
}

/**
 * A route to an outside network whose destination is unknown may cover any
 * outside source: rules that admit outside addresses into a protected zone
 * and were not already reported cannot be decided.
 */
function checkUndecided(context: RuleContext, { table, route }: TableRoute): void {
  const failed = new Set(context.reports.map((report) => report.subjectId));
  const fromOutside = (flow: Flow) => flow.source.kind === 'outside' && flow.targetZone !== undefined && PROTECTED_ZONES.has(flow.targetZone);
  for (const { rule, flows } of flowsByRule(context.model, context.reachability.flows, fromOutside, true)) {
    if (failed.has(rule.id) || !isUnknown(route.destination)) continue;
    context.report({
      status: 'unknown',
      messageId: 'route-unknown',
      data: { rule: describeRule(rule), source: describeSources(flows), table: table.origin.address, expression: route.destination.origin, reason: route.destination.reason },
      address: rule.origin.address,
      origin: rule.origin,
      subjectId: rule.id,
      location: findingLocation(rule, flows),
      detail: `route-unknown:${flowDetail([], flows)}`,
      unknown: route.destination,
    });
  }
}
