import { publicSpace } from '../../../analysis/net/well-known.ts';
import { spaceOf, type ModelIndex } from '../../../analysis/reachability/model-index.ts';
import { routeTableOf } from '../../../analysis/reachability/outside-path.ts';
import type { Route, RouteTable, RouteTargetKind, Segment } from '../../../model/types.ts';
import { Unknown, isUnknown } from '../../../model/unknown.ts';

/** Route targets through which a segment reaches the Internet without a relay of its own zone. */
export const GATEWAY_TARGETS: ReadonlySet<RouteTargetKind> = new Set([
  'internet-gateway',
  'egress-only-internet-gateway',
  'nat-gateway',
]);

/** Whether a segment can reach the Internet, with the route that opens the path. */
export type InternetAccess =
  | { status: 'open'; table: RouteTable; route: Route }
  | { status: 'closed' }
  | { status: 'unknown'; unknown: Unknown; table?: RouteTable };

const PUBLIC_SPACE = publicSpace();

/**
 * Decides whether a segment routes to the Internet through one of `targets`:
 * a route whose destination overlaps public space. A segment with no route
 * table in a site whose code shows none cannot be decided, and neither can a
 * route whose destination is unknown.
 */
export function internetAccessOf(
  index: ModelIndex,
  segment: Segment,
  targets: ReadonlySet<RouteTargetKind> = GATEWAY_TARGETS,
): InternetAccess {
  const table = routeTableOf(index, segment);
  if (table === undefined) return withoutTable(index, segment);
  let unknown: Unknown | undefined;
  for (const route of table.routes) {
    if (!targets.has(route.target.kind)) continue;
    if (isUnknown(route.destination)) {
      unknown ??= route.destination;
      continue;
    }
    if (spaceOf([route.destination]).overlaps(PUBLIC_SPACE)) return { status: 'open', table, route };
  }
  return unknown === undefined ? { status: 'closed' } : { status: 'unknown', unknown, table };
}

function withoutTable(index: ModelIndex, segment: Segment): InternetAccess {
  const known = segment.siteId !== undefined && index.sitesWithRouteTables.has(segment.siteId);
  if (known) return { status: 'closed' };
  return { status: 'unknown', unknown: new Unknown('not shown by the scanned code, which has no route table for it', `routes of ${segment.id}`) };
}

/** `0.0.0.0/0 -> aws_nat_gateway.main.id in aws_route_table.users`. */
export function describeRoute(table: RouteTable, route: Route): string {
  return `${String(route.destination)} -> ${route.target.written} in ${table.origin.address}`;
}
