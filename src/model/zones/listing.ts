import type { SourceLocation } from '../location.ts';
import type { ClassificationSource, InfrastructureModel, ZoneKind } from '../types.ts';

/** One segment as the `zoneguard zones` command lists it. */
export interface ZoneListingSegment {
  address: string;
  cidrs: string[];
  zone?: ZoneKind;
  source?: ClassificationSource;
  /** Every candidate's evidence, strongest first. */
  evidence: string[];
  location: SourceLocation;
}

export interface ZoneListingSite {
  /** The site id, or `(no site)` for segments whose network could not be resolved. */
  site: string;
  segments: ZoneListingSegment[];
}

export const NO_SITE = '(no site)';

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
      evidence: segment.zone.candidates.map((candidate) => candidate.evidence),
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
