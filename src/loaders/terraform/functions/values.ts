import { isUnknown, type Unknown } from '../../../model/unknown.ts';
import type { Value } from '../types.ts';

export type ValueRecord = { [key: string]: Value };

export function isRecord(value: Value): value is ValueRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** Finds the first Unknown anywhere inside the value, depth first. */
export function findUnknown(value: Value): Unknown | undefined {
  if (isUnknown(value)) return value;
  const children = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
  for (const child of children) {
    const found = findUnknown(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Names the Terraform type of a value, for error messages. */
export function typeName(value: Value): string {
  if (value === null) return 'null';
  if (isUnknown(value)) return 'unknown value';
  if (Array.isArray(value)) return 'list';
  if (isRecord(value)) return 'object';
  return typeof value;
}

/** Renders a value the way it would be written in HCL, for call origins and messages. */
export function renderValue(value: Value): string {
  if (isUnknown(value)) return value.origin;
  if (Array.isArray(value)) return `[${value.map(renderValue).join(', ')}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([key, item]) => `${key} = ${renderValue(item)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]!));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key]!, b[key]!));
  }
  return false;
}

/** Formats a number as Terraform does when it converts a number to a string. */
export function numberToString(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

/**
 * Converts the primitive elements of a collection to one type, as Terraform
 * does for list, set and map values: when strings mix with numbers or bools,
 * everything becomes a string. Other mixtures are left as they are.
 */
export function unifyPrimitives(items: Value[]): Value[] {
  const hasString = items.some((item) => typeof item === 'string');
  if (!hasString) return items;
  return items.map((item) => {
    if (typeof item === 'number') return numberToString(item);
    if (typeof item === 'boolean') return String(item);
    return item;
  });
}

/**
 * Removes duplicates in first-seen order and sorts as Terraform orders sets:
 * strings lexically and numbers ascending. Unknown elements cannot be compared,
 * so they stay after the known ones.
 */
export function toSetArray(items: Value[]): Value[] {
  const known: Value[] = [];
  const unknown: Value[] = [];
  for (const item of unifyPrimitives(items)) {
    if (isUnknown(item)) unknown.push(item);
    else if (!known.some((existing) => deepEqual(existing, item))) known.push(item);
  }
  if (known.every((item) => typeof item === 'string')) {
    known.sort((a, b) => compareStrings(a as string, b as string));
  } else if (known.every((item) => typeof item === 'number')) {
    known.sort((a, b) => (a as number) - (b as number));
  }
  return [...known, ...unknown];
}

/** Orders strings by code point, as Go's string comparison does for valid UTF-8. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** Counts user-perceived characters (grapheme clusters), as Terraform does. */
export function countCharacters(text: string): number {
  return splitCharacters(text).length;
}

/** Splits text into grapheme clusters, the characters of Terraform's string functions. */
export function splitCharacters(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}
