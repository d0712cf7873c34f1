import type { FirewallSet, Host, Segment, ZoneKind } from '../../model/types.ts';
import { segmentsOf, type ModelIndex } from './model-index.ts';
import type { FlowTarget } from './types.ts';

/** A place where the rules of a firewall set apply, with its zone. */
export interface ResolvedTarget {
  target: FlowTarget;
  host?: Host;
  /** The segments of the target in `zone`; empty when they are not known. */
  segments: Segment[];
  /** The target's zone; undefined for an unclassified or unknown zone. */
  zone?: ZoneKind;
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
