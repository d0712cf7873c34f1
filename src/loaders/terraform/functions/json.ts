import { isUnknown } from '../../../model/unknown.ts';
import type { Value } from '../types.ts';
import { compareStrings, isRecord, numberToString } from './values.ts';

/**
 * Encodes a known value as Terraform's `jsonencode` does: object keys sorted,
 * no whitespace, and `<`, `>`, `&`, U+2028 and U+2029 escaped as `\uXXXX`.
 * The caller must check for Unknown parts first.
 */
export function encodeJson(value: Value): string {
  if (value === null || isUnknown(value)) return 'null';
  if (typeof value === 'string') return escapeJsonString(value);
  if (typeof value === 'number') return numberToString(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(encodeJson).join(',')}]`;
  const record = isRecord(value) ? value : {};
  const keys = Object.keys(record).sort(compareStrings);
  const entries = keys.map((key) => `${escapeJsonString(key)}:${encodeJson(record[key]!)}`);
  return `{${entries.join(',')}}`;
}

function escapeJsonString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
