/**
 * Size limits for the texts of one SARIF result. GitHub code scanning cuts
 * long messages and lists only so many locations, and a result that lists
 * every segment of a large estate can make the document longer than V8 allows
 * a string to be. Keeping each result small keeps the whole run serialisable.
 */

/** Maximum message size in UTF-8 bytes: our own choice, well above any message of one flow. */
export const MAX_MESSAGE_BYTES = 8 * 1024;
/** Maximum related locations per result. NOTE: GitHub documents a limit of about this size; the exact figure was not checked. */
export const MAX_RELATED_LOCATIONS = 1_000;
/** Maximum thread flow locations per result, the limit GitHub code scanning documents. */
export const MAX_FLOW_LOCATIONS = 10_000;

const encoder = new TextEncoder();

/**
 * Returns `text` unchanged when it fits in `maxBytes`. A longer text is cut at
 * the last word boundary that fits, and a note says where the whole text is.
 */
export function limitMessage(text: string, maxBytes = MAX_MESSAGE_BYTES): string {
  if (text.length <= maxBytes / 3 || encoder.encode(text).length <= maxBytes) return text;
  const note = ` … (shortened from ${text.length} characters; run zoneguard with --format json for the whole message)`;
  const budget = Math.max(maxBytes - encoder.encode(note).length, 0);
  let cut = text.slice(0, budget);
  // A character takes up to 3 bytes in UTF-8 (4 for a surrogate pair, which is 2 UTF-16 units).
  while (encoder.encode(cut).length > budget) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  const boundary = cut.search(/\s\S*$/);
  if (boundary > 0) cut = cut.slice(0, boundary);
  return `${cut.replace(/[\s,;:]+$/, '')}${note}`;
}

/** Keeps the first `max` items of a list. */
export function firstOf<T>(items: readonly T[], max: number): T[] {
  return items.length <= max ? [...items] : items.slice(0, max);
}
