/**
 * GitHub rejects a comment body over 65,536 characters, and bodies with many
 * multi-byte characters fail earlier, near 262,144 bytes of UTF-8. Both limits
 * get a margin of about 8 %, because GitHub counts after its own normalisation.
 */
export const MAX_BODY_CHARACTERS = 60_000;
export const MAX_BODY_BYTES = 240_000;

/** The size of a body in both units GitHub limits. */
export interface BodySize {
  characters: number;
  bytes: number;
}

export function sizeOf(text: string): BodySize {
  return { characters: codePoints(text), bytes: Buffer.byteLength(text, 'utf8') };
}

/** Counts Unicode code points, so a surrogate pair counts once. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** A running budget for one body; blocks are added whole or not at all. */
export class BodyBudget {
  private used: BodySize = { characters: 0, bytes: 0 };

  constructor(private readonly limit: BodySize = { characters: MAX_BODY_CHARACTERS, bytes: MAX_BODY_BYTES }) {}

  fits(text: string, reserve: BodySize = { characters: 0, bytes: 0 }): boolean {
    const size = sizeOf(text);
    return (
      this.used.characters + size.characters + reserve.characters <= this.limit.characters &&
      this.used.bytes + size.bytes + reserve.bytes <= this.limit.bytes
    );
  }

  add(text: string): void {
    const size = sizeOf(text);
    this.used = { characters: this.used.characters + size.characters, bytes: this.used.bytes + size.bytes };
  }
}

/**
 * Shortens text to at most `max` code points, cutting between code points so
 * no surrogate pair is split, and marks the cut with an ellipsis.
 */
export function clip(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  return `${characters.slice(0, Math.max(max - 1, 0)).join('')}…`;
}
