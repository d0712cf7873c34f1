import { IpSet } from '../net/ip-set.ts';
import type { InfrastructureModel, Segment } from '../../model/types.ts';

/** A code segment that the approved design does not have, or has with another zone. */
export interface SegmentDeviation {
  kind: 'segment-not-in-design' | 'zone-differs';
  segment: Segment;
  /** The design zone whose addresses contain the segment, for `zone-differs`. */
  designZone?: Segment;
}

/**
 * Matches each code segment to a design zone: a design zone whose CIDRs
 * contain all of the segment's CIDRs and whose zone kind is the same.
 * Segments whose CIDRs are not known cannot be matched and are left out.
 */
export function compareSegments(code: InfrastructureModel, design: InfrastructureModel): SegmentDeviation[] {
  const deviations: SegmentDeviation[] = [];
  for (const segment of code.segments) {
    if (segment.cidrs.length === 0) continue;
    const space = IpSet.fromCidrs(segment.cidrs);
    const containing = design.segments.filter((zone) => IpSet.fromCidrs(zone.cidrs).contains(space));
    if (containing.length === 0) {
      deviations.push({ kind: 'segment-not-in-design', segment });
      continue;
    }
    const sameKind = containing.some((zone) => zone.zone.zone === segment.zone.zone);
    if (!sameKind) deviations.push({ kind: 'zone-differs', segment, designZone: containing[0] as Segment });
  }
  return deviations;
}

/**
 * Lists design zones that no code segment builds, in design sites the code
 * builds at least part of. A site with no code segment inside it is another
 * team's or another repository's, so its zones are not expected here.
 */
export function zonesNotBuilt(code: InfrastructureModel, design: InfrastructureModel): Segment[] {
  const codeSpace = IpSet.fromCidrs(code.segments.flatMap((segment) => segment.cidrs));
  const builtSites = new Set(
    design.segments
      .filter((zone) => IpSet.fromCidrs(zone.cidrs).overlaps(codeSpace))
      .map((zone) => zone.siteId),
  );
  return design.segments.filter((zone) => {
    if (!builtSites.has(zone.siteId)) return false;
    const zoneSpace = IpSet.fromCidrs(zone.cidrs);
    return !code.segments.some(
      (segment) =>
        segment.zone.zone === zone.zone.zone &&
        segment.cidrs.length > 0 &&
        zoneSpace.contains(IpSet.fromCidrs(segment.cidrs)),
    );
  });
}
