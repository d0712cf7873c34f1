import { isUnknown, Unknown } from '../../../model/unknown.ts';
import type { Value } from '../types.ts';
import { isLazy } from './lazy.ts';

export type ValueObject = { [key: string]: Value };

/** Terraform's name for the type of a value, for error messages. */
export function typeName(value: Value): string {
  if (value === null) return 'null';
  if (isUnknown(value)) return 'unknown';
  if (isLazy(value)) return 'object';
  if (Array.isArray(value)) return 'tuple';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

export function isObject(value: Value): value is ValueObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnknown(value);
}

/** The first Unknown among `values`, looking only at the values themselves. */
export function firstUnknown(...values: Value[]): Unknown | undefined {
  return values.find((value): value is Unknown => isUnknown(value));
}

/** The first Unknown anywhere inside `value`, or undefined when it is fully known. */
export function findUnknown(value: Value): Unknown | undefined {
  if (isUnknown(value)) return value;
  if (value === null || typeof value !== 'object') return undefined;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) {
    const found = findUnknown(item);
    if (found) return found;
  }
  return undefined;
}

/** Structural equality of two known values; `undefined` when either contains an Unknown. */
export function valuesEqual(left: Value, right: Value): boolean | undefined {
  if (isUnknown(left) || isUnknown(right)) return undefined;
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') {
    return left === right;
  }
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  if (leftKeys.length !== rightKeys.length) return false;
  let result: boolean | undefined = true;
  for (const key of leftKeys) {
    if (!Object.prototype.hasOwnProperty.call(right, key)) return false;
    const equal = valuesEqual(
      (left as ValueObject)[key] as Value,
      (right as ValueObject)[key] as Value,
    );
    if (equal === false) return false;
    if (equal === undefined) result = undefined;
  }
  return result;
}

/** Terraform's decimal form of a number: no exponent for ordinary magnitudes. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/** Converts a primitive to string as Terraform does; undefined when it cannot. */
export function convertToString(value: Value): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Converts a number or a numeric string to a number; undefined when it cannot. */
export function convertToNumber(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Converts a bool or the strings "true" and "false" to a bool; undefined when it cannot. */
export function convertToBool(value: Value): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/**
 * The key of an instance as Terraform writes it in an address: `[0]` or
 * `["web"]`, with quotes and backslashes escaped.
 */
export function instanceKeySuffix(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** The entries of an object in Terraform's iteration order: keys sorted lexically. */
export function sortedEntries(object: ValueObject): Array<[string, Value]> {
  return Object.keys(object)
    .sort(compareKeys)
    .map((key) => [key, object[key] as Value]);
}

function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
