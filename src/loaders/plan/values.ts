import type { Value } from '../terraform/types.ts';
import { isRecord } from './document.ts';

/** A step of the path to a value inside a resource: an attribute name or a list index. */
export type PathStep = string | number;

/** Makes the Unknown that stands at `path`; it may be a list of Unknowns for a list of references. */
export type UnknownMaker = (path: PathStep[]) => Value;

/**
 * Turns a planned value into a Value, with every position that `after_unknown`
 * marks `true` as an Unknown. The mask is authoritative: a `null` (or a missing
 * key) in `after` where the mask says `true` is unknown, not "no value".
 */
export function mergeUnknown(after: unknown, mask: unknown, path: PathStep[], unknownAt: UnknownMaker): Value {
  if (mask === true) return unknownAt(path);
  if (Array.isArray(after)) return mergeList(after, Array.isArray(mask) ? mask : [], path, unknownAt);
  if (Array.isArray(mask) && (after === null || after === undefined)) return mergeList([], mask, path, unknownAt);
  if (isRecord(after) || (isRecord(mask) && (after === null || after === undefined))) {
    return mergeObject(isRecord(after) ? after : {}, isRecord(mask) ? mask : {}, path, unknownAt);
  }
  return plainValue(after);
}

function mergeList(after: unknown[], mask: unknown[], path: PathStep[], unknownAt: UnknownMaker): Value {
  const length = Math.max(after.length, mask.length);
  const result: Value[] = [];
  for (let i = 0; i < length; i++) result.push(mergeUnknown(after[i] ?? null, mask[i], [...path, i], unknownAt));
  return result;
}

/**
 * An object inside a list is a nested block. Providers built on the older SDK
 * write every unset string of such a block as `""` (a route's `gateway_id`
 * next to its `nat_gateway_id`), so an empty string there means "not set".
 */
function mergeObject(
  after: Record<string, unknown>,
  mask: Record<string, unknown>,
  path: PathStep[],
  unknownAt: UnknownMaker,
): Value {
  const result: { [key: string]: Value } = {};
  const inList = typeof path.at(-1) === 'number';
  for (const key of new Set([...Object.keys(after), ...Object.keys(mask)])) {
    const value = inList && after[key] === '' ? null : after[key];
    result[key] = mergeUnknown(value ?? null, mask[key], [...path, key], unknownAt);
  }
  return result;
}

/** A JSON value with no unknown parts. */
function plainValue(value: unknown): Value {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(plainValue);
  if (isRecord(value)) {
    const result: { [key: string]: Value } = {};
    for (const [key, item] of Object.entries(value)) result[key] = plainValue(item);
    return result;
  }
  return null;
}

/** Writes a path as the model does: `ingress[0].security_groups`. */
export function pathText(path: PathStep[]): string {
  return path.reduce<string>((text, step) => {
    if (typeof step === 'number') return `${text}[${step}]`;
    return text === '' ? step : `${text}.${step}`;
  }, '');
}
