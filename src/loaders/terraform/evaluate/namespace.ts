import type { SourceLocation } from '../../../model/location.ts';
import type { Value } from '../types.ts';
import { LazyObject } from './lazy.ts';

/**
 * A reference root such as `var`, `local` or `aws_instance` whose attributes
 * are looked up by name when read.
 */
export class Namespace extends LazyObject {
  constructor(
    private readonly lookup: (name: string, location: SourceLocation) => Value,
    private readonly names: () => Iterable<string>,
  ) {
    super();
  }

  getAttribute(name: string, location: SourceLocation): Value {
    return this.lookup(name, location);
  }

  materialize(): Value {
    const result: Record<string, Value> = {};
    for (const name of this.names()) result[name] = this.lookup(name, { file: '' });
    return result;
  }
}
