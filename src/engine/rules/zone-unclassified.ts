import { locate } from '../../model/location.ts';
import { ZONE_KINDS, type Segment, type UnknownZoneTag, type ZoneCandidate } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';

/**
 * Every segment belongs to exactly one zone. The model leaves `zone.zone`
 * unset when no source names a zone, or when the strongest source present
 * names two or more zone kinds. A zone tag whose value is not a zone kind
 * names no zone, and the finding quotes it.
 */
export default defineRule({
  id: 'zone-unclassified',
  check(context) {
    for (const segment of context.model.segments) {
      if (segment.zone.zone !== undefined) continue;
      const unknownTag = segment.zone.unknownTags?.[0];
      if (segment.zone.candidates.length > 0) reportSeveralZones(context, segment);
      else if (unknownTag !== undefined) reportUnknownTag(context, segment, unknownTag);
      else reportNoZone(context, segment);
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

/**
 * A zone tag is present but its value names no zone, usually a misspelling.
 * The detail stays `no-zone`, so the fingerprint of an existing finding does
 * not change when its message becomes more precise.
 */
function reportUnknownTag(context: RuleContext, segment: Segment, tag: UnknownZoneTag): void {
  context.report({
    status: 'fail',
    messageId: 'unknown-zone-tag',
    data: { segment: segment.id, tag: tag.key, value: tag.value, zones: ZONE_KINDS.join(', ') },
    address: segment.id,
    origin: segment.origin,
    location: locate(segment.origin, 'tags'),
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
