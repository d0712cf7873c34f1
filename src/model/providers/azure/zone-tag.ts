import type { ZoneCandidate } from '../../types.ts';
import { zoneFromWord, ZONE_TAG_KEYS } from '../../zones/aliases.ts';

/** The zone a `Zone` tag on a firewall set names, as for AWS security groups. */
export function setZoneFromTags(setTags: Record<string, string>): ZoneCandidate | undefined {
  for (const key of ZONE_TAG_KEYS) {
    const written = setTags[key];
    if (written === undefined) continue;
    const zone = zoneFromWord(written);
    if (zone !== undefined) {
      return { zone, source: 'group-tag', evidence: `tag ${key} = ${JSON.stringify(written)}` };
    }
  }
  return undefined;
}
