import type { InfrastructureModel, ZoneKind } from '../../../model/types.ts';

/**
 * The zones a firewall set protects: those of the hosts that carry it and the
 * segments it is attached to, or its own Zone tag. Used to decide whether an
 * unevaluated part of one of its rules matters to a zone rule.
 */
export function zonesOfSet(model: InfrastructureModel, setId: string): Set<ZoneKind> {
  const set = model.firewallSets.find((candidate) => candidate.id === setId);
  const segmentIds = new Set(set?.segmentIds ?? []);
  for (const host of model.hosts) {
    if (host.firewallSetIds.includes(setId)) host.segmentIds.forEach((id) => segmentIds.add(id));
  }
  const zones = new Set<ZoneKind>();
  for (const segment of model.segments) {
    if (segmentIds.has(segment.id) && segment.zone.zone !== undefined) zones.add(segment.zone.zone);
  }
  if (set?.zone !== undefined) zones.add(set.zone.zone);
  return zones;
}
