import type { ZoneguardConfig } from '../../engine/config.ts';
import { cidrWithin } from '../providers/cidrs.ts';
import type { Segment, UnknownZoneTag, ZoneAssignment, ZoneCandidate } from '../types.ts';
import { zoneFromWord, ZONE_TAG_KEYS } from './aliases.ts';
import { globMatches } from './glob.ts';
import { resourceNameOf, zonesFromNames } from './name-heuristics.ts';

/**
 * Zone classification of segments. Evidence is gathered in four tiers, from
 * strongest to weakest: an explicit config entry for the segment, a zone tag,
 * a config CIDR range or name pattern, and a guess from the segment's names.
 * The zone is decided by the strongest tier present, and only when that tier
 * names exactly one zone kind.
 */

type Tier = ZoneCandidate[];

export function classifySegment(segment: Segment, config?: ZoneguardConfig): ZoneAssignment {
  const zones = config?.zones;
  const tiers: Tier[] = [
    explicitCandidates(segment, zones?.segments),
    tagCandidates(segment.tags),
    [...cidrCandidates(segment, zones?.cidrs), ...patternCandidates(segment, zones?.names)],
    zones?.nameHeuristics === false ? [] : nameCandidates(segment),
  ];
  const candidates = tiers.flat();
  const strongest = tiers.find((tier) => tier.length > 0);
  const kinds = new Set(strongest?.map((candidate) => candidate.zone));
  const assignment: ZoneAssignment = { candidates };
  if (kinds.size === 1) assignment.zone = [...kinds][0]!;
  const unknownTags = unknownZoneTags(segment.tags);
  if (unknownTags.length > 0) assignment.unknownTags = unknownTags;
  return assignment;
}

function explicitCandidates(segment: Segment, explicit: Record<string, string> | undefined): Tier {
  const written = explicit?.[segment.id];
  if (written === undefined) return [];
  const zone = zoneFromWord(written);
  if (zone === undefined) return [];
  return [{ zone, source: 'config', evidence: `config segments ${segment.id} = ${JSON.stringify(written)}` }];
}

function tagCandidates(tags: Record<string, string>): Tier {
  const candidates: Tier = [];
  for (const key of ZONE_TAG_KEYS) {
    const written = tags[key];
    if (written === undefined) continue;
    const zone = zoneFromWord(written);
    if (zone !== undefined) {
      candidates.push({ zone, source: 'tag', evidence: `tag ${key} = ${JSON.stringify(written)}` });
    }
  }
  return candidates;
}

/** Zone tags whose value names no zone, such as a misspelt `Zone = "intrenal"`. */
function unknownZoneTags(tags: Record<string, string>): UnknownZoneTag[] {
  const unknown: UnknownZoneTag[] = [];
  for (const key of ZONE_TAG_KEYS) {
    const value = tags[key];
    if (value === undefined || zoneFromWord(value) !== undefined) continue;
    unknown.push({ key, value, evidence: `tag ${key} = ${JSON.stringify(value)} (not a zone kind)` });
  }
  return unknown;
}

type ZoneConfig = NonNullable<ZoneguardConfig['zones']>;

function cidrCandidates(segment: Segment, ranges: ZoneConfig['cidrs']): Tier {
  const candidates: Tier = [];
  for (const range of ranges ?? []) {
    if (segment.cidrs.some((cidr) => cidrWithin(cidr, range.cidr))) {
      candidates.push({ zone: range.zone, source: 'config', evidence: `config cidr ${range.cidr}` });
    }
  }
  return candidates;
}

function patternCandidates(segment: Segment, patterns: ZoneConfig['names']): Tier {
  const names = [segment.name, segment.id, resourceNameOf(segment.id)];
  const candidates: Tier = [];
  for (const entry of patterns ?? []) {
    if (names.some((name) => globMatches(entry.pattern, name))) {
      const evidence = `config name ${JSON.stringify(entry.pattern)}`;
      candidates.push({ zone: entry.zone, source: 'config', evidence });
    }
  }
  return candidates;
}

function nameCandidates(segment: Segment): Tier {
  const names = [segment.name, segment.tags['Name'] ?? '', resourceNameOf(segment.id)];
  return zonesFromNames(names).map(({ zone, word }) => ({
    zone,
    source: 'name',
    evidence: `name '${word}' (inferred; confirm with a Zone tag)`,
  }));
}
