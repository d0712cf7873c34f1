import type { ZoneKind } from '../types.ts';
import { zoneFromWord } from './aliases.ts';

/**
 * Zone guesses from words in names (`subnet-public-a`, `mgmt["a"]`). A guess
 * is the weakest evidence, so its evidence text requests a Zone tag.
 */

/** Words that name a role rather than a zone, but place a segment in one. */
const EXTRA_NAME_WORDS: Record<string, ZoneKind> = {
  bastion: 'management',
  jump: 'management',
  jumphost: 'management',
  nat: 'internet-access',
};

/** Splits a name into lower-case words at punctuation, digits and camel case. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((word) => word.replace(/\d+$/, ''))
    .filter((word) => word !== '');
}

/** Returns each zone the words of `names` suggest, with the first word that suggested it. */
export function zonesFromNames(names: readonly string[]): Array<{ zone: ZoneKind; word: string }> {
  const found: Array<{ zone: ZoneKind; word: string }> = [];
  for (const name of names) {
    for (const word of nameWords(name)) {
      const zone = EXTRA_NAME_WORDS[word] ?? zoneFromWord(word);
      if (zone !== undefined && !found.some((item) => item.zone === zone)) {
        found.push({ zone, word });
      }
    }
  }
  return found;
}

/** Returns the resource name and instance key of an address: `mgmt["a"]` of `module.x.aws_subnet.mgmt["a"]`. */
export function resourceNameOf(address: string): string {
  const match = /([A-Za-z0-9_-]+)(\[[^\]]*\])?$/.exec(address);
  return match === null ? address : match[0];
}
