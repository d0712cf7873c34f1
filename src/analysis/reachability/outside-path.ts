import type { IpSet } from '../net/ip-set.ts';
import { locate } from '../../model/location.ts';
import type { Host, Route, RouteTable, Segment } from '../../model/types.ts';
import { isUnknown } from '../../model/unknown.ts';
import { spaceOf, type ModelIndex } from './model-index.ts';
import type { EvidenceStep, Flow } from './types.ts';
import type { ResolvedTarget } from './targets.ts';

export interface OutsidePath {
  status: Flow['outsidePath'];
  evidence: EvidenceStep[];
}

type RouteCheck = { found: true; evidence: EvidenceStep[] } | { found: false; known: boolean };

/**
 * Decides whether traffic from outside addresses `source` can reach a target:
 * a public address plus a route to an internet gateway in the target's
 * segment, or an internet-facing load balancer that forwards to the host.
 */
export function outsidePathTo(
  index: ModelIndex,
  target: ResolvedTarget,
  source: IpSet,
  balancers: readonly Host[],
): OutsidePath {
  const host = target.host;
  if (host === undefined) return { status: 'unknown', evidence: [] };
  if (balancers.length > 0) return { status: 'open', evidence: balancers.flatMap(balancerSteps) };
  if (target.segments.length === 0) return { status: 'unknown', evidence: [] };
  let allClosed = true;
  for (const segment of target.segments) {
    const publicAddress = hasPublicAddress(host, segment);
    const route = internetRoute(index, segment, source);
    if (publicAddress === true && route.found) {
      return { status: 'open', evidence: [...route.evidence, publicStep(host, segment)] };
    }
    // A missing public address closes the path only where the code shows the
    // site's routing too. Without route tables, the network may be reached
    // through a path the code does not contain (a peering, a VPN, a proxy).
    const closed = route.found ? publicAddress === false : route.known;
    if (!closed) allClosed = false;
  }
  return { status: allClosed ? 'closed' : 'unknown', evidence: [] };
}

/** Returns true, false, or undefined when the code does not set it. */
function hasPublicAddress(host: Host, segment: Segment): boolean | undefined {
  if (host.loadBalancer !== undefined) return knownBoolean(host.loadBalancer.internetFacing);
  if (host.database !== undefined) return knownBoolean(host.database.publiclyAccessible);
  if (host.publicAddress === true || segment.mapPublicIp === true) return true;
  if (isUnknown(host.publicAddress) || isUnknown(segment.mapPublicIp)) return undefined;
  return false;
}

function knownBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The route table of a segment: its explicit association, else its site's main table. */
export function routeTableOf(index: ModelIndex, segment: Segment): RouteTable | undefined {
  const associated = index.routeTablesBySegmentId.get(segment.id);
  if (associated !== undefined) return associated;
  return segment.siteId === undefined ? undefined : index.mainRouteTableBySiteId.get(segment.siteId);
}

function internetRoute(index: ModelIndex, segment: Segment, source: IpSet): RouteCheck {
  const table = routeTableOf(index, segment);
  if (table === undefined) {
    const known = segment.siteId !== undefined && index.sitesWithRouteTables.has(segment.siteId);
    return { found: false, known };
  }
  let unknownRoute = false;
  for (const route of table.routes) {
    if (route.target.kind !== 'internet-gateway') continue;
    if (isUnknown(route.destination)) {
      unknownRoute = true;
      continue;
    }
    if (!spaceOf([route.destination]).overlaps(source)) continue;
    return { found: true, evidence: routeSteps(index, table, route) };
  }
  return { found: false, known: !unknownRoute };
}

function routeSteps(index: ModelIndex, table: RouteTable, route: Route): EvidenceStep[] {
  const steps: EvidenceStep[] = [];
  const gateway = index.model.gateways.find((candidate) => candidate.id === route.target.id);
  if (gateway !== undefined) {
    steps.push({
      kind: 'internet-gateway',
      text: `internet gateway ${gateway.origin.address}`,
      address: gateway.origin.address,
      location: gateway.origin.location,
    });
  }
  steps.push({
    kind: 'route',
    text: `route ${String(route.destination)} -> ${route.target.written} in ${table.origin.address}`,
    address: table.origin.address,
    location: locate(route.origin, route.path || undefined),
  });
  return steps;
}

function publicStep(host: Host, segment: Segment): EvidenceStep {
  const own = host.publicAddress === true;
  return {
    kind: 'public-address',
    text: own
      ? `${host.origin.address} has a public address`
      : `${segment.origin.address} maps public addresses on launch`,
    address: own ? host.origin.address : segment.origin.address,
    location: own ? host.origin.location : locate(segment.origin, 'map_public_ip_on_launch'),
  };
}

/** Lists the load balancer and its listeners as steps of an outside path. */
export function balancerSteps(balancer: Host): EvidenceStep[] {
  const steps: EvidenceStep[] = [
    {
      kind: 'load-balancer',
      text: `internet-facing load balancer ${balancer.origin.address}`,
      address: balancer.origin.address,
      location: balancer.origin.location,
    },
  ];
  for (const listener of balancer.loadBalancer?.listeners ?? []) {
    steps.push({
      kind: 'listener',
      text: `listener ${listener.protocol} ${listener.port} on ${balancer.origin.address}`,
      address: listener.origin.address,
      location: locate(listener.origin, listener.path || undefined),
    });
  }
  return steps;
}
