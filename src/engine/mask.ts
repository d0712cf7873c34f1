/** Values shorter than this show no original character at all. */
const MIN_LENGTH_TO_SHOW_PREFIX = 8;
const SHOWN_PREFIX_LENGTH = 2;
const MASK = '********';

/**
 * Masks a credential for messages: at most the first 2 characters and the
 * length, as `ad******** (10 characters)`. Values under 8 characters show
 * only `********`, because 2 characters of a short secret give too much away.
 */
export function maskSecret(value: string): string {
  const characters = [...value];
  if (characters.length < MIN_LENGTH_TO_SHOW_PREFIX) return MASK;
  const prefix = characters.slice(0, SHOWN_PREFIX_LENGTH).join('');
  return `${prefix}${MASK} (${characters.length} characters)`;
}

/** True when `text` contains any of `secrets` verbatim; for tests of every output field. */
export function containsSecret(text: string, secrets: string[]): boolean {
  return secrets.some((secret) => secret.length > 0 && text.includes(secret));
}
