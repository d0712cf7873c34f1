import createDebug from 'debug';
import { IpSet } from '../net/ip-set.ts';
import type {
  FirewallSet,
  Host,
  InfrastructureModel,
  RouteTable,
  Segment,
  TargetGroup,
  ZoneKind,
} from '../../model/types.ts';

const debug = createDebug('zoneguard:analysis:model-index');

/**
 * Lookups over the model built once per scan, so flow computation never scans
 * every host or segment for each rule.
 */
export interface ModelIndex {
  model: InfrastructureModel;
  segmentsById: Map<string, Segment>;
  setsById: Map<string, FirewallSet>;
  hostsById: Map<string, Host>;
  hostsBySetId: Map<string, Host[]>;
  hostsBySegmentId: Map<string, Host[]>;
  targetGroupsById: Map<string, TargetGroup>;
  /** Address space of each segment with a known CIDR. */
  segmentSpaces: Map<string, IpSet>;
  /** Segments of each zone and their joint address space. */
  zoneSegments: Map<ZoneKind, Segment[]>;
  zoneSpaces: Map<ZoneKind, IpSet>;
  /** Segments with no single zone, plus site space that no segment claims. */
  unclassifiedSpace: IpSet;
  unclassifiedSegments: Segment[];
  /** Every address inside a scanned site or segment. */
  insideSpace: IpSet;
  /** Stateless ACLs by the segment they are associated with. */
  aclsBySegmentId: Map<string, FirewallSet[]>;
  routeTablesBySegmentId: Map<string, RouteTable>;
  mainRouteTableBySiteId: Map<string, RouteTable>;
  /** Sites that declare at least one route table, so a missing route means "none". */
  sitesWithRouteTables: Set<string>;
}

export function indexModel(model: InfrastructureModel): ModelIndex {
  const index: ModelIndex = {
    model,
    segmentsById: byId(model.segments),
    setsById: byId(model.firewallSets),
    hostsById: byId(model.hosts),
    hostsBySetId: groupHosts(model.hosts, (host) => host.firewallSetIds),
    hostsBySegmentId: groupHosts(model.hosts, (host) => host.segmentIds),
    targetGroupsById: byId(model.targetGroups),
    segmentSpaces: new Map(),
    zoneSegments: new Map(),
    zoneSpaces: new Map(),
    unclassifiedSpace: IpSet.empty(),
    unclassifiedSegments: [],
    insideSpace: IpSet.empty(),
    aclsBySegmentId: indexAcls(model.firewallSets),
    routeTablesBySegmentId: new Map(),
    mainRouteTableBySiteId: new Map(),
    sitesWithRouteTables: new Set(),
  };
  indexSpaces(index);
  indexRouteTables(index);
  return index;
}

/** Parses CIDRs into a set, skipping invalid ones: the model already diagnosed them. */
export function spaceOf(cidrs: readonly string[]): IpSet {
  let space = IpSet.empty();
  for (const cidr of cidrs) {
    try {
      space = space.union(IpSet.fromCidrs([cidr]));
    } catch (error) {
      debug('skipping invalid CIDR %s: %s', cidr, (error as Error).message);
    }
  }
  return space;
}

function indexSpaces(index: ModelIndex): void {
  let segmentSpace = IpSet.empty();
  for (const segment of index.model.segments) {
    const space = spaceOf(segment.cidrs);
    index.segmentSpaces.set(segment.id, space);
    segmentSpace = segmentSpace.union(space);
    const zone = segment.zone.zone;
    if (zone === undefined) {
      index.unclassifiedSegments.push(segment);
      index.unclassifiedSpace = index.unclassifiedSpace.union(space);
      continue;
    }
    appendTo(index.zoneSegments, zone, segment);
    index.zoneSpaces.set(zone, (index.zoneSpaces.get(zone) ?? IpSet.empty()).union(space));
  }
  const siteSpace = spaceOf(index.model.sites.flatMap((site) => site.cidrs));
  index.unclassifiedSpace = index.unclassifiedSpace.union(siteSpace.subtract(segmentSpace));
  index.insideSpace = siteSpace.union(segmentSpace);
}

function indexRouteTables(index: ModelIndex): void {
  for (const table of index.model.routeTables) {
    if (table.siteId !== undefined) index.sitesWithRouteTables.add(table.siteId);
    if (table.main && table.siteId !== undefined) {
      index.mainRouteTableBySiteId.set(table.siteId, table);
    }
    for (const segmentId of table.segmentIds) {
      index.routeTablesBySegmentId.set(segmentId, table);
      const siteId = index.segmentsById.get(segmentId)?.siteId;
      if (siteId !== undefined) index.sitesWithRouteTables.add(siteId);
    }
  }
}

function indexAcls(sets: readonly FirewallSet[]): Map<string, FirewallSet[]> {
  const bySegment = new Map<string, FirewallSet[]>();
  for (const set of sets) {
    if (set.kind !== 'stateless-acl') continue;
    for (const segmentId of set.segmentIds) {
      appendTo(bySegment, segmentId, set);
    }
  }
  return bySegment;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function groupHosts(hosts: readonly Host[], keys: (host: Host) => string[]): Map<string, Host[]> {
  const grouped = new Map<string, Host[]>();
  for (const host of hosts) {
    for (const key of new Set(keys(host))) appendTo(grouped, key, host);
  }
  return grouped;
}

export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Returns the segments of `segmentIds` that the model contains. */
export function segmentsOf(index: ModelIndex, segmentIds: readonly string[]): Segment[] {
  return segmentIds.flatMap((id) => {
    const segment = index.segmentsById.get(id);
    return segment === undefined ? [] : [segment];
  });
}
