import { locate } from '../../model/location.ts';
import type { Segment, ZoneCandidate } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';

/**
 * Every segment belongs to exactly one zone. The model leaves `zone.zone`
 * unset when no source names a zone, or when the strongest source present
 * names two or more zone kinds.
 */
export default defineRule({
  id: 'zone-unclassified',
  check(context) {
    for (const segment of context.model.segments) {
      if (segment.zone.zone !== undefined) continue;
      if (segment.zone.candidates.length === 0) reportNoZone(context, segment);
      else reportSeveralZones(context, segment);
    }
  },
});

function reportNoZone(context: RuleContext, segment: Segment): void {
  context.report({
    status: 'fail',
    messageId: 'no-zone',
    data: { segment: segment.id },
    address: segment.id,
    origin: segment.origin,
    detail: 'no-zone',
  });
}

function reportSeveralZones(context: RuleContext, segment: Segment): void {
  const strongest = strongestCandidates(segment.zone.candidates);
  const zones = [...new Set(strongest.map((candidate) => candidate.zone))];
  const source = strongest[0]?.source ?? 'name';
  context.report({
    status: 'fail',
    messageId: 'several-zones',
    data: {
      segment: segment.id,
      zones: zones.join(', '),
      source,
      evidence: strongest.map((candidate) => candidate.evidence).join('; '),
    },
    address: segment.id,
    origin: segment.origin,
    location: locate(segment.origin, source === 'tag' ? 'tags' : undefined),
    detail: `several:${[...zones].sort().join(',')}`,
  });
}

/**
 * The candidates of the strongest source: the model lists candidates
 * strongest first, so they are the leading run with the first one's source.
 */
function strongestCandidates(candidates: ZoneCandidate[]): ZoneCandidate[] {
  const first = candidates[0];
  if (!first) return [];
  const end = candidates.findIndex((candidate) => candidate.source !== first.source);
  return end < 0 ? candidates : candidates.slice(0, end);
}
