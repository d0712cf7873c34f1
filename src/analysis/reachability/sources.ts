import { IpSet } from '../net/ip-set.ts';
import { publicSpace } from '../net/well-known.ts';
import type { FirewallRule, Peer, Segment, ZoneKind } from '../../model/types.ts';
import { Unknown } from '../../model/unknown.ts';
import { appendTo, spaceOf, type ModelIndex } from './model-index.ts';
import { siteScope, type SiteScope } from './site-scope.ts';
import type { FlowSource } from './types.ts';

/** A flow source with the addresses ordered ACLs match against and the peers behind it. */
export interface ResolvedSource {
  source: FlowSource;
  /** Addresses of the source; absent when they are not known (an external group). */
  space?: IpSet;
  /** Segments the source sits in, for outbound ACLs. */
  segments: Segment[];
  peers: Peer[];
}

/** A peer whose addresses or zone cannot be known. */
export interface UnresolvedPeer {
  peer: Peer;
  unknown: Unknown;
}

export interface ResolvedPeers {
  sources: ResolvedSource[];
  unresolved: UnresolvedPeer[];
}

const PUBLIC_SPACE = publicSpace();
const PUBLIC_BY_FAMILY = [IpSet.all(4), IpSet.all(6)].map((family) => PUBLIC_SPACE.intersect(family));

/**
 * Resolves the peers of a rule into flow sources. Address peers are split by
 * zone, among the segments of the target's site `siteId` and the sites
 * connected to it; other sites' addresses are outside. Without a site, every
 * segment counts. Group peers resolve to the zones of the hosts that carry
 * the group. An unknown peer does not hide the rule's other, known peers.
 */
export function resolvePeers(
  index: ModelIndex,
  rule: FirewallRule,
  cache: SourceCache,
  siteId?: string,
): ResolvedPeers {
  const sources: ResolvedSource[] = [];
  const unresolved: UnresolvedPeer[] = [];
  const addressPeers: Peer[] = [];
  for (const peer of rule.peers) {
    if (peer.kind === 'cidr' || (peer.kind === 'tag' && peer.cidrs !== undefined)) {
      addressPeers.push(peer);
    } else if (peer.kind === 'group' || peer.kind === 'self') {
      const groupId = peer.kind === 'group' ? peer.groupId : rule.setId;
      const resolved = cache.group(groupId, () => resolveGroup(index, groupId));
      if (resolved instanceof Unknown) unresolved.push({ peer, unknown: resolved });
      else sources.push(...resolved.map((source) => ({ ...source, peers: [peer] })));
    } else if (peer.kind === 'external-group') {
      const source: FlowSource = { kind: 'external-group', written: peer.written };
      sources.push({ source, segments: [], peers: [peer] });
    } else if (peer.kind === 'tag' && peer.tag.toLowerCase() === 'internet') {
      const source: FlowSource = { kind: 'internet', cidrs: [] };
      sources.push({ source, space: PUBLIC_SPACE, segments: [], peers: [peer] });
    } else if (peer.kind === 'tag') {
      const unknown = new Unknown(`the service tag ${peer.tag} has no address list in the code`, peer.tag);
      unresolved.push({ peer, unknown });
    } else {
      unresolved.push({ peer, unknown: peer.unknown });
    }
  }
  if (addressPeers.length > 0) sources.push(...splitAddressPeers(index, addressPeers, cache, siteId));
  return { sources, unresolved };
}

/** Memoises source resolution: many rules name the same CIDRs or groups. */
export class SourceCache {
  private readonly groups = new Map<string, Array<Omit<ResolvedSource, 'peers'>> | Unknown>();
  private readonly addresses = new Map<string, AddressSource[]>();

  group(
    groupId: string,
    compute: () => Array<Omit<ResolvedSource, 'peers'>> | Unknown,
  ): Array<Omit<ResolvedSource, 'peers'>> | Unknown {
    let value = this.groups.get(groupId);
    if (value === undefined) this.groups.set(groupId, (value = compute()));
    return value;
  }

  address(key: string, compute: () => AddressSource[]): AddressSource[] {
    let value = this.addresses.get(key);
    if (value === undefined) this.addresses.set(key, (value = compute()));
    return value;
  }
}

function splitAddressPeers(index: ModelIndex, peers: Peer[], cache: SourceCache, siteId?: string): ResolvedSource[] {
  const cidrs = [...new Set(peers.flatMap(peerCidrs))].sort();
  const scope = siteScope(index, siteId);
  // Sites share a scope object only when it is the whole model, so the key names the site actually used.
  const key = `${scope === index ? '' : siteId}\0${cidrs.join(',')}`;
  const split = cache.address(key, () => withOverlaps(splitAddresses(index, spaceOf(cidrs), cidrs, scope), cidrs));
  return split.map(({ overlapping, ...source }) => ({
    ...source,
    peers: peers.filter((peer) => peerCidrs(peer).some((cidr) => overlapping.has(cidr))),
  }));
}

/** Records which written CIDRs overlap each source, so peers are matched without address arithmetic. */
function withOverlaps(sources: Array<Omit<ResolvedSource, 'peers'>>, cidrs: string[]): AddressSource[] {
  const spaces = cidrs.map((cidr) => [cidr, spaceOf([cidr])] as const);
  return sources.map((source) => {
    const space = source.space;
    const overlapping = new Set(spaces.filter(([, cidrSpace]) => space?.overlaps(cidrSpace)).map(([cidr]) => cidr));
    return { ...source, overlapping };
  });
}

type AddressSource = Omit<ResolvedSource, 'peers'> & { overlapping: Set<string> };

function peerCidrs(peer: Peer): string[] {
  if (peer.kind === 'cidr') return [peer.cidr];
  if (peer.kind === 'tag') return peer.cidrs ?? [];
  return [];
}

/**
 * Splits an address set into the parts inside each zone's segments, inside a
 * site but no zone, and outside every site. `scope` limits the segments and
 * sites to those a target can be reached from (the whole model by default);
 * the rest is outside. The outside part is the internet when the peers cover
 * a whole address family's public space.
 */
export function splitAddresses(
  index: ModelIndex,
  space: IpSet,
  written: readonly string[],
  scope: SiteScope = index,
): Array<Omit<ResolvedSource, 'peers'>> {
  const sources: Array<Omit<ResolvedSource, 'peers'>> = [];
  for (const [zone, zoneSpace] of scope.zoneSpaces) {
    const part = space.intersect(zoneSpace);
    if (part.isEmpty()) continue;
    const segments = (scope.zoneSegments.get(zone) ?? []).filter((segment) =>
      index.segmentSpaces.get(segment.id)?.overlaps(part),
    );
    const segmentIds = segments.map((segment) => segment.id);
    sources.push({ source: { kind: 'zone', zone, segmentIds, cidrs: part.toCidrs() }, space: part, segments });
  }
  const unclassified = space.intersect(scope.unclassifiedSpace);
  if (!unclassified.isEmpty()) {
    const segments = scope.unclassifiedSegments.filter((segment) =>
      index.segmentSpaces.get(segment.id)?.overlaps(unclassified),
    );
    const source: FlowSource = { kind: 'unclassified', cidrs: unclassified.toCidrs() };
    sources.push({ source, space: unclassified, segments });
  }
  const outside = space.subtract(scope.insideSpace);
  if (!outside.isEmpty()) sources.push(outsideSource(outside, written));
  return sources;
}

/**
 * Public space outside every site, and private space that belongs to another
 * network. Both are outside; the whole public space of a family is the internet.
 */
function outsideSource(outside: IpSet, written: readonly string[]): Omit<ResolvedSource, 'peers'> {
  const isInternet = PUBLIC_BY_FAMILY.some((family) => outside.contains(family));
  if (!isInternet) {
    return { source: { kind: 'outside', cidrs: outside.toCidrs() }, space: outside, segments: [] };
  }
  const cidrs = written.filter((cidr) => spaceOf([cidr]).overlaps(outside));
  return { source: { kind: 'internet', cidrs: [...new Set(cidrs)] }, space: outside, segments: [] };
}

/**
 * Resolves a group to the zones of the hosts that carry it, or to its own
 * zone tag when no host carries it or a host's segment is unknown.
 */
function resolveGroup(index: ModelIndex, groupId: string): Array<Omit<ResolvedSource, 'peers'>> | Unknown {
  const set = index.setsById.get(groupId);
  const tagZone = set?.zone?.zone;
  const hosts = index.hostsBySetId.get(groupId) ?? [];
  const byZone = new Map<ZoneKind | 'unclassified', Segment[]>();
  let unplaced = hosts.length === 0;
  for (const host of hosts) {
    const segments = host.segmentIds.flatMap((id) => index.segmentsById.get(id) ?? []);
    if (segments.length === 0) unplaced = true;
    for (const segment of segments) appendTo(byZone, segment.zone.zone ?? 'unclassified', segment);
  }
  if (unplaced && tagZone !== undefined && !byZone.has(tagZone)) byZone.set(tagZone, []);
  if (byZone.size === 0) {
    const name = set?.name ?? groupId;
    return new Unknown(`the group ${name} has no host in a known segment and no Zone tag`, groupId);
  }
  return [...byZone].map(([zone, segments]) => groupSource(index, zone, segments));
}

function groupSource(
  index: ModelIndex,
  zone: ZoneKind | 'unclassified',
  segments: Segment[],
): Omit<ResolvedSource, 'peers'> {
  const unique = [...new Set(segments)];
  const cidrs = unique.flatMap((segment) => segment.cidrs);
  const space = unique.reduce(
    (union, segment) => union.union(index.segmentSpaces.get(segment.id) ?? IpSet.empty()),
    IpSet.empty(),
  );
  const source: FlowSource =
    zone === 'unclassified'
      ? { kind: 'unclassified', cidrs }
      : { kind: 'zone', zone, segmentIds: unique.map((segment) => segment.id), cidrs };
  return { source, space: unique.length > 0 ? space : undefined, segments: unique };
}
