import { IpSet } from '../net/ip-set.ts';
import type { FirewallRule, FirewallSet, Host, Segment, ZoneKind } from '../../model/types.ts';
import { segmentsOf, type ModelIndex } from './model-index.ts';
import { peerSpace } from './peer-space.ts';
import { splitAddresses } from './sources.ts';
import type { FlowTarget } from './types.ts';

/** A place where the rules of a firewall set apply, with its zone. */
export interface ResolvedTarget {
  target: FlowTarget;
  host?: Host;
  /** The segments of the target in `zone`; empty when they are not known. */
  segments: Segment[];
  /** The target's zone; undefined for an unclassified or unknown zone. */
  zone?: ZoneKind;
  /** For a set narrowed to a rule's local peers: the addresses of this target. */
  space?: IpSet;
}

/**
 * Lists the targets of a set's ingress rules: every host that carries it (and, for
 * an ordered policy, every host in its segments). A set with no host is a
 * target itself, because its rules matter before any host uses it. A host in
 * segments of several zones is one target per zone.
 */
export function targetsOf(index: ModelIndex, set: FirewallSet): ResolvedTarget[] {
  const hosts = new Set(index.hostsBySetId.get(set.id) ?? []);
  if (set.kind === 'ordered-policy') {
    for (const segmentId of set.segmentIds) {
      for (const host of index.hostsBySegmentId.get(segmentId) ?? []) hosts.add(host);
    }
  }
  if (hosts.size === 0) return [setTarget(index, set)];
  return [...hosts].flatMap((host) => hostTargets(index, host, set));
}

/** Makes the host a target once per zone of its segments, with the zone of `set` as the fallback. */
export function hostTargets(index: ModelIndex, host: Host, set?: FirewallSet): ResolvedTarget[] {
  const target: FlowTarget = { kind: 'host', hostId: host.id };
  const segments = segmentsOf(index, host.segmentIds);
  if (segments.length === 0) return [{ target, host, segments, zone: set?.zone?.zone }];
  const byZone = new Map<ZoneKind | undefined, Segment[]>();
  for (const segment of segments) {
    const zone = segment.zone.zone;
    byZone.set(zone, [...(byZone.get(zone) ?? []), segment]);
  }
  return [...byZone].map(([zone, inZone]) => ({ target, host, segments: inZone, zone }));
}

/** Makes a set without hosts a target, zoned by its tag, else by the single zone of its segments. */
function setTarget(index: ModelIndex, set: FirewallSet): ResolvedTarget {
  const target: FlowTarget = { kind: 'firewall-set', setId: set.id };
  const segments = segmentsOf(index, set.segmentIds);
  const segmentZones = new Set(segments.map((segment) => segment.zone.zone));
  const segmentZone = segmentZones.size === 1 ? [...segmentZones][0] : undefined;
  return { target, segments, zone: set.zone?.zone ?? segmentZone };
}

/**
 * Narrows an ordered policy's own target (a set without hosts, such as the
 * policies toward one FortiOS interface) to the local peers of one rule: one
 * target per zone their addresses fall in, so flows name the destination
 * zone. Addresses in no zone keep the set's zone. The target stays whole when
 * the local peers are not known, cover every site, or lie outside the set's
 * segments, because then they tell nothing about the destination.
 */
export function localTargets(index: ModelIndex, rule: FirewallRule, target: ResolvedTarget): ResolvedTarget[] {
  if (target.target.kind !== 'firewall-set' || rule.localPeers === undefined) return [target];
  const local = peerSpace(index, rule.localPeers, rule.setId);
  if (local.unresolved !== undefined) return [target];
  const space = withinSegments(index, target, local.space);
  if (space.isEmpty() || space.contains(index.insideSpace)) return [target];
  const targets: ResolvedTarget[] = [];
  let rest = IpSet.empty();
  const restSegments: Segment[] = [];
  for (const part of splitAddresses(index, space, [])) {
    const partSpace = part.space ?? IpSet.empty();
    if (part.source.kind === 'zone') {
      targets.push({ target: target.target, segments: part.segments, zone: part.source.zone, space: partSpace });
    } else {
      rest = rest.union(partSpace);
      restSegments.push(...part.segments);
    }
  }
  if (!rest.isEmpty()) targets.push({ target: target.target, segments: restSegments, zone: target.zone, space: rest });
  return targets;
}

/** Keeps the addresses inside the target's segments, when their addresses are known. */
function withinSegments(index: ModelIndex, target: ResolvedTarget, space: IpSet): IpSet {
  const segments = target.segments.reduce(
    (union, segment) => union.union(index.segmentSpaces.get(segment.id) ?? IpSet.empty()),
    IpSet.empty(),
  );
  return segments.isEmpty() ? space : space.intersect(segments);
}
