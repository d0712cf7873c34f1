import type { Site } from '../../../model/types.ts';
import type { RuleContext } from '../../types.ts';

/**
 * Sites a design file describes. Facility, backup and monitoring facts
 * belong to these; a cloud network from code has no server room to record.
 * Design segments carry a zone candidate from the design, code never does.
 */
export function designSites(context: RuleContext): Site[] {
  const fromDesign = new Set(
    context.model.segments
      .filter((segment) => segment.zone.candidates.some((candidate) => candidate.source === 'design'))
      .map((segment) => segment.siteId),
  );
  for (const facility of context.model.evidence?.facilities ?? []) fromDesign.add(facility.siteId);
  return context.model.sites.filter((site) => fromDesign.has(site.id));
}
