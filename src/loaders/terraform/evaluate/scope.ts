import type { SourceLocation } from '../../../model/location.ts';
import type { FunctionContext } from '../functions/types.ts';
import type { Value } from '../types.ts';
import type { Evaluation } from './evaluation.ts';

/** The names a module makes visible to its expressions. */
export interface ModuleNames {
  /**
   * The value of a reference root that is not a local binding: `var`, `local`,
   * `module`, `data`, `path`, `terraform` or a resource type.
   */
  resolveRoot(name: string, location: SourceLocation): Value;
  readonly functionContext: FunctionContext;
}

/** Everything an expression can see where it is written. */
export interface Scope {
  readonly evaluation: Evaluation;
  readonly names: ModuleNames;
  /** `for` variables and `dynamic` block iterators, innermost last. */
  readonly bindings?: ReadonlyMap<string, Value>;
  /** `each.key` and `each.value` inside a block with `for_each`. */
  readonly each?: { key: Value; value: Value };
  /** `count.index` inside a block with `count`. */
  readonly countIndex?: number;
  /** The element a splat expression is applied to. */
  readonly splatItem?: Value;
}

export function withBindings(scope: Scope, names: Record<string, Value>): Scope {
  const bindings = new Map(scope.bindings);
  for (const [name, value] of Object.entries(names)) bindings.set(name, value);
  return { ...scope, bindings };
}
