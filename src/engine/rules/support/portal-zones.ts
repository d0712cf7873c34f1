import type { SourceLocation } from '../../../model/location.ts';
import { locate } from '../../../model/location.ts';
import type {
  Host,
  InfrastructureModel,
  Segment,
  ZoneCandidate,
  ZoneKind,
} from '../../../model/types.ts';

/**
 * One place a host sits in: a segment with its zone and the evidence that
 * decided it. A host with no known segment falls back to the zones written on
 * its firewall sets (a `Zone` tag on a security group), because some code
 * gives no other placement.
 */
export interface Placement {
  /** Segment address, or the firewall set address for a group-tag fallback. */
  placeId: string;
  zone?: ZoneKind;
  /** The candidate that decided `zone`; absent when the place has no single zone. */
  decidedBy?: ZoneCandidate;
  /** Every candidate found, for the message about a place with no single zone. */
  candidates: ZoneCandidate[];
}

/** Segments by id, built once per model rather than once per host. */
const segmentIndexes = new WeakMap<InfrastructureModel, { count: number; byId: Map<string, Segment> }>();

function segmentsById(model: InfrastructureModel): Map<string, Segment> {
  let index = segmentIndexes.get(model);
  // A model that gained segments since (a test building it step by step) is indexed again.
  if (index === undefined || index.count !== model.segments.length) {
    index = { count: model.segments.length, byId: new Map(model.segments.map((segment) => [segment.id, segment])) };
    segmentIndexes.set(model, index);
  }
  return index.byId;
}

export function placementsOf(host: Host, model: InfrastructureModel): Placement[] {
  const segments = segmentsById(model);
  const placements: Placement[] = [];
  for (const segmentId of host.segmentIds) {
    const segment = segments.get(segmentId);
    placements.push(segment === undefined ? { placeId: segmentId, candidates: [] } : segmentPlacement(segment));
  }
  if (placements.length > 0 || host.segmentUnknown !== undefined) return placements;
  return groupTagPlacements(host, model);
}

function segmentPlacement(segment: Segment): Placement {
  const { zone, candidates } = segment.zone;
  const placement: Placement = { placeId: segment.id, candidates };
  if (zone === undefined) return placement;
  placement.zone = zone;
  const decidedBy = candidates.find((candidate) => candidate.zone === zone);
  if (decidedBy !== undefined) placement.decidedBy = decidedBy;
  return placement;
}

function groupTagPlacements(host: Host, model: InfrastructureModel): Placement[] {
  const placements: Placement[] = [];
  for (const set of model.firewallSets) {
    if (!host.firewallSetIds.includes(set.id) || set.zone === undefined) continue;
    placements.push({ placeId: set.id, zone: set.zone.zone, decidedBy: set.zone, candidates: [set.zone] });
  }
  return placements;
}

/** True when the zone rests on a name heuristic, which the user should confirm with a tag. */
export function isGuessedZone(placement: Placement): boolean {
  return placement.decidedBy?.source === 'name';
}

/**
 * Describes how a zone was decided with the evidence the model recorded
 * (`tag Zone = "dmz"`, `name 'public'`), which reads the same in both languages.
 */
export function zoneEvidence(placement: Placement): string {
  if (placement.decidedBy !== undefined) return withoutAdvice(placement.decidedBy.evidence);
  if (placement.candidates.length === 0) return 'none';
  return placement.candidates.map((candidate) => `${candidate.zone} (${candidate.evidence})`).join(', ');
}

/**
 * Drops the advice from a name guess, which the model writes as `name 'public'
 * (inferred; confirm with a Zone tag)`, because the guessed-zone messages give it.
 */
function withoutAdvice(evidence: string): string {
  return evidence.replace(/\s*\(inferred;[^)]*\)$/, '');
}

/** Attributes that place a host in a subnet, by resource kind, most specific first. */
const SUBNET_ATTRIBUTES = [
  'db_subnet_group_name',
  'subnet_id',
  'subnet_ids',
  'subnets',
  'subnet_mapping[0]',
  'vpc_zone_identifier',
  'network_interfaces[0].subnet_id',
  'network_interface[0]',
];

/** Locates the attribute that places a host in a subnet, or its block when none is written. */
export function subnetLocation(host: Host): { location: SourceLocation; attribute?: string } {
  const attribute = SUBNET_ATTRIBUTES.find((path) => host.origin.attributes[path] !== undefined);
  if (attribute === undefined) return { location: host.origin.location };
  return { location: locate(host.origin, attribute), attribute };
}
