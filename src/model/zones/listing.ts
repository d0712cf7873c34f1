import type { SourceLocation } from '../location.ts';
import type { ClassificationSource, InfrastructureModel, ZoneAssignment, ZoneKind } from '../types.ts';

/** One segment as the `zoneguard zones` command lists it. */
export interface ZoneListingSegment {
  address: string;
  cidrs: string[];
  zone?: ZoneKind;
  source?: ClassificationSource;
  /** Every candidate's evidence, strongest first, then zone tags that named no zone. */
  evidence: string[];
  location: SourceLocation;
}

export interface ZoneListingSite {
  /** The site id, or `(no site)` for segments whose network could not be resolved. */
  site: string;
  segments: ZoneListingSegment[];
}

export const NO_SITE = '(no site)';

/** Every candidate's evidence, then the zone tags that named no zone. */
function evidenceOf(zone: ZoneAssignment): string[] {
  const unknownTags = zone.unknownTags ?? [];
  return [...zone.candidates.map((candidate) => candidate.evidence), ...unknownTags.map((tag) => tag.evidence)];
}

/** Segments grouped by site in model order, with their zones and evidence. */
export function listZones(model: InfrastructureModel): ZoneListingSite[] {
  const bySite = new Map<string, ZoneListingSegment[]>();
  for (const site of model.sites) bySite.set(site.id, []);
  for (const segment of model.segments) {
    const key = segment.siteId ?? NO_SITE;
    const decided = segment.zone.candidates.find((candidate) => candidate.zone === segment.zone.zone);
    const entry: ZoneListingSegment = {
      address: segment.id,
      cidrs: segment.cidrs,
      evidence: evidenceOf(segment.zone),
      location: segment.origin.location,
    };
    if (segment.zone.zone !== undefined) entry.zone = segment.zone.zone;
    if (decided !== undefined && segment.zone.zone !== undefined) entry.source = decided.source;
    const list = bySite.get(key) ?? [];
    list.push(entry);
    bySite.set(key, list);
  }
  return [...bySite.entries()].map(([site, segments]) => ({ site, segments }));
}
