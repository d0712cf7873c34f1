import type { SourceLocation } from '../../../model/location.ts';
import { isUnknown } from '../../../model/unknown.ts';
import type { Value } from '../types.ts';

/**
 * An object whose attributes are evaluated only when read: a resource
 * instance, a module instance's outputs, or a reference root such as `var`.
 * Lazy objects travel inside values during evaluation so that a reference
 * evaluates only what it reads; `materialize` turns them into plain values
 * before a value leaves the evaluator or reaches a function.
 */
export abstract class LazyObject {
  abstract getAttribute(name: string, location: SourceLocation): Value;
  abstract materialize(): Value;
}

export function isLazy(value: unknown): value is LazyObject {
  return value instanceof LazyObject;
}

/** Stores a lazy object in a value slot; the evaluator reads it back with `isLazy`. */
export function asValue(object: LazyObject): Value {
  return object as unknown as Value;
}

/** Replaces every lazy object inside `value`, at any depth, with its plain value. */
export function materialize(value: Value): Value {
  if (isLazy(value)) return materialize(value.materialize());
  if (value === null || typeof value !== 'object' || isUnknown(value)) return value;
  if (Array.isArray(value)) return value.some(needsMaterializing) ? value.map(materialize) : value;
  if (!Object.values(value).some(needsMaterializing)) return value;
  const result: Record<string, Value> = {};
  for (const [key, item] of Object.entries(value)) result[key] = materialize(item);
  return result;
}

function needsMaterializing(value: Value): boolean {
  if (isLazy(value)) return true;
  if (value === null || typeof value !== 'object' || isUnknown(value)) return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.some(needsMaterializing);
}
