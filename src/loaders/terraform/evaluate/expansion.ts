import { isUnknown } from '../../../model/unknown.ts';
import type { Attribute, Block } from '../ast.ts';
import type { Value } from '../types.ts';
import { evaluate } from './expression.ts';
import { isLazy } from './lazy.ts';
import type { Scope } from './scope.ts';
import { convertToNumber, isObject, sortedEntries, typeName } from './values.ts';

/** One instance of an expanded block, with what its expressions see. */
export interface InstanceKey {
  key: number | string;
  each?: { key: Value; value: Value };
  countIndex?: number;
}

/**
 * The instances a `count` or `for_each` creates. `single` is a block with
 * neither; `unknown` is a block whose instances cannot be determined and that
 * is therefore not scanned.
 */
export type Expansion =
  | { kind: 'single' }
  | { kind: 'count' | 'for_each'; instances: InstanceKey[] }
  | { kind: 'unknown' };

/** Evaluates `count` or `for_each` of a resource, data source or module call. */
export function expandInstances(block: Block, address: string, scope: Scope): Expansion {
  const count = findAttribute(block, 'count');
  const forEach = findAttribute(block, 'for_each');
  if (count && forEach) {
    scope.evaluation.fail(count.location, `${address} sets both count and for_each; only one is allowed.`);
    return { kind: 'unknown' };
  }
  if (count) return expandCount(count, address, scope);
  if (forEach) return expandForEach(forEach, address, scope);
  return { kind: 'single' };
}

function expandCount(attribute: Attribute, address: string, scope: Scope): Expansion {
  const value = evaluate(attribute.expression, scope);
  if (isUnknown(value)) return undetermined(attribute, address, `count depends on ${value.origin}`, scope);
  const count = convertToNumber(value);
  if (count === undefined || !Number.isInteger(count) || count < 0) {
    scope.evaluation.fail(attribute.location, `The count of ${address} must be a whole number of zero or more, but got ${JSON.stringify(value)}.`);
    return { kind: 'unknown' };
  }
  const instances = Array.from({ length: count }, (_, index) => ({ key: index, countIndex: index }));
  return { kind: 'count', instances };
}

function expandForEach(attribute: Attribute, address: string, scope: Scope): Expansion {
  const value = evaluate(attribute.expression, scope);
  if (isUnknown(value)) return undetermined(attribute, address, `for_each depends on ${value.origin}`, scope);
  const entries = forEachEntries(value);
  if (typeof entries === 'string') {
    scope.evaluation.fail(attribute.location, `The for_each of ${address} ${entries}`);
    return { kind: 'unknown' };
  }
  const unknownKey = entries.find(([key]) => isUnknown(key));
  if (unknownKey) return undetermined(attribute, address, 'for_each has an unknown element', scope);
  const instances = entries.map(([key, each]) => ({ key: key as string, each: { key, value: each } }));
  return { kind: 'for_each', instances };
}

/** The key and value pairs of a map or a set of strings, sorted; a string says what is wrong. */
function forEachEntries(value: Value): Array<[Value, Value]> | string {
  if (value === null) return 'is null; it must be a map or a set of strings.';
  if (isLazy(value)) return 'is a single object; it must be a map or a set of strings.';
  if (isObject(value)) return sortedEntries(value);
  if (!Array.isArray(value)) return `is a ${typeName(value)}; it must be a map or a set of strings.`;
  const unknown = value.find((item) => isUnknown(item));
  if (unknown) return [[unknown, unknown]];
  if (!value.every((item) => typeof item === 'string')) return 'is a list with elements that are not strings; it must be a map or a set of strings.';
  const keys = [...new Set(value as string[])].sort();
  return keys.map((key) => [key, key]);
}

function undetermined(attribute: Attribute, address: string, cause: string, scope: Scope): Expansion {
  scope.evaluation.warn(
    attribute.location,
    `The number of instances of ${address} could not be determined (${cause}); it was not scanned.`,
    address,
  );
  return { kind: 'unknown' };
}

export function findAttribute(block: Block, name: string): Attribute | undefined {
  return block.body.attributes.find((attribute) => attribute.name === name);
}
