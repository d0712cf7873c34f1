import createDebug from 'debug';
import { IpSet } from '../net/ip-set.ts';
import type { FirewallSet, Host, RouteTargetKind, Segment, Site, ZoneKind } from '../../model/types.ts';
import { isUnknown } from '../../model/unknown.ts';
import { appendTo, spaceOf, type ModelIndex } from './model-index.ts';

const debug = createDebug('zoneguard:analysis:site-scope');

/**
 * The address space a target can be reached from inside the model: the
 * segments of its own site and of the sites connected to it, split by zone as
 * in `ModelIndex`. Address space of any other site is another network, so it
 * is outside. The model index itself is the scope of a target whose site is
 * not known.
 */
export interface SiteScope {
  zoneSegments: Map<ZoneKind, Segment[]>;
  zoneSpaces: Map<ZoneKind, IpSet>;
  unclassifiedSpace: IpSet;
  unclassifiedSegments: Segment[];
  insideSpace: IpSet;
}

/** Route targets that join a site to another network of the estate. */
const CONNECTING_ROUTES = new Set<RouteTargetKind>(['peering', 'transit-gateway', 'vpn-gateway']);
const CONNECTING_GATEWAYS = new Set(['peering', 'transit', 'vpn']);

interface ScopeCache {
  scopes: Map<string, SiteScope>;
  connections: Map<string, Set<string>>;
  segmentsBySite: Map<string, Segment[]>;
  /** Segments whose site is not known, because they may belong to any site. */
  unsitedSegments: Segment[];
  connectingGatewayIds: Set<string>;
}

const caches = new WeakMap<ModelIndex, ScopeCache>();

/**
 * Returns the site a set's rules protect at one target: the set's own site,
 * else the host's. Undefined when neither is known.
 */
export function targetSiteId(set: FirewallSet | undefined, host: Host | undefined): string | undefined {
  return set?.siteId ?? host?.siteId;
}

/** Returns the scope of a site, built once per scan. Without a known site it returns the whole model. */
export function siteScope(index: ModelIndex, siteId: string | undefined): SiteScope {
  if (siteId === undefined || !index.model.sites.some((site) => site.id === siteId)) return index;
  const cache = cacheOf(index);
  let scope = cache.scopes.get(siteId);
  if (scope === undefined) cache.scopes.set(siteId, (scope = buildScope(index, cache, siteId)));
  return scope;
}

/**
 * Returns the sites joined to `siteId` by a route through a peering, transit or VPN
 * gateway, in either direction: a route table of one site whose destination
 * overlaps the other site's addresses. The site itself is included.
 */
export function connectedSites(index: ModelIndex, siteId: string): Set<string> {
  const connections = cacheOf(index).connections;
  return connections.get(siteId) ?? new Set([siteId]);
}

function cacheOf(index: ModelIndex): ScopeCache {
  let cache = caches.get(index);
  if (cache === undefined) {
    const segmentsBySite = new Map<string, Segment[]>();
    const unsitedSegments: Segment[] = [];
    for (const segment of index.model.segments) {
      if (segment.siteId === undefined) unsitedSegments.push(segment);
      else appendTo(segmentsBySite, segment.siteId, segment);
    }
    const connectingGatewayIds = new Set(
      index.model.gateways.filter((gateway) => CONNECTING_GATEWAYS.has(gateway.kind)).map((gateway) => gateway.id),
    );
    cache = { scopes: new Map(), connections: new Map(), segmentsBySite, unsitedSegments, connectingGatewayIds };
    caches.set(index, cache);
    indexConnections(index, cache);
  }
  return cache;
}

function indexConnections(index: ModelIndex, cache: ScopeCache): void {
  const siteSpaces = index.model.sites.map((site) => [site.id, siteSpace(index, cache, site)] as const);
  const connect = (a: string, b: string) => {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const set = cache.connections.get(from) ?? new Set([from]);
      set.add(to);
      cache.connections.set(from, set);
    }
  };
  for (const table of index.model.routeTables) {
    const from = table.siteId ?? index.segmentsById.get(table.segmentIds[0] ?? '')?.siteId;
    if (from === undefined) continue;
    for (const route of table.routes) {
      if (!connects(cache, route.target)) continue;
      // A destination that cannot be read may lead to any site, so it joins every site.
      const destination = isUnknown(route.destination) ? IpSet.all() : spaceOf([route.destination]);
      for (const [to, space] of siteSpaces) {
        if (to !== from && space.overlaps(destination)) connect(from, to);
      }
    }
  }
  debug('%d sites joined by peering, transit or VPN routes', cache.connections.size);
}

/** Tells whether a route leads through a peering, transit or VPN gateway. */
function connects(cache: ScopeCache, target: { kind: RouteTargetKind; id?: string }): boolean {
  return CONNECTING_ROUTES.has(target.kind) || (target.id !== undefined && cache.connectingGatewayIds.has(target.id));
}

/** Returns a site's own CIDRs plus those of its segments, because a design file may name only the segments. */
function siteSpace(index: ModelIndex, cache: ScopeCache, site: Site): IpSet {
  const segments = cache.segmentsBySite.get(site.id) ?? [];
  return segments.reduce(
    (space, segment) => space.union(index.segmentSpaces.get(segment.id) ?? IpSet.empty()),
    spaceOf(site.cidrs),
  );
}

/**
 * Builds the scope of the connected sites. Segments whose site is not known
 * stay in every scope, because they may belong to any site.
 */
function buildScope(index: ModelIndex, cache: ScopeCache, siteId: string): SiteScope {
  const sites = connectedSites(index, siteId);
  const scope: SiteScope = {
    zoneSegments: new Map(),
    zoneSpaces: new Map(),
    unclassifiedSpace: IpSet.empty(),
    unclassifiedSegments: [],
    insideSpace: IpSet.empty(),
  };
  let segmentSpace = IpSet.empty();
  const segments = [...sites].flatMap((site) => cache.segmentsBySite.get(site) ?? []);
  for (const segment of [...segments, ...cache.unsitedSegments]) {
    const space = index.segmentSpaces.get(segment.id) ?? IpSet.empty();
    segmentSpace = segmentSpace.union(space);
    const zone = segment.zone.zone;
    if (zone === undefined) {
      scope.unclassifiedSegments.push(segment);
      scope.unclassifiedSpace = scope.unclassifiedSpace.union(space);
      continue;
    }
    appendTo(scope.zoneSegments, zone, segment);
    scope.zoneSpaces.set(zone, (scope.zoneSpaces.get(zone) ?? IpSet.empty()).union(space));
  }
  const ownSpace = spaceOf(index.model.sites.filter((site) => sites.has(site.id)).flatMap((site) => site.cidrs));
  scope.unclassifiedSpace = scope.unclassifiedSpace.union(ownSpace.subtract(segmentSpace));
  scope.insideSpace = ownSpace.union(segmentSpace);
  return scope;
}
