import type { Value } from '../types.ts';
import { isLazy } from './lazy.ts';
import { isObject, sortedEntries } from './values.ts';

/**
 * The key and value pairs a `for` expression or a `dynamic` block iterates:
 * a list by index, a map or object by key in lexical order. Undefined for a
 * value that is not a collection.
 */
export function iterationEntries(collection: Value): Array<[Value, Value]> | undefined {
  if (Array.isArray(collection)) return collection.map((item, index) => [index, item]);
  if (isLazy(collection)) {
    const plain = collection.materialize();
    return isObject(plain) ? sortedEntries(plain) : undefined;
  }
  if (isObject(collection)) return sortedEntries(collection);
  return undefined;
}
