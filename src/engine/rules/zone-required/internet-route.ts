import type { Route, RouteTargetKind } from '../../../model/types.ts';

/** Route targets through which traffic leaves for the Internet. */
const INTERNET_TARGETS: ReadonlySet<RouteTargetKind> = new Set([
  'internet-gateway',
  'egress-only-internet-gateway',
  'nat-gateway',
]);

/** True when the route sends traffic to the Internet, directly or through NAT. */
export function isInternetRoute(route: Route): boolean {
  return INTERNET_TARGETS.has(route.target.kind);
}
