import { Unknown, isUnknown } from '../../../model/unknown.ts';
import type { Value } from '../types.ts';
import { FunctionError, type FunctionContext, type TerraformFunction } from './types.ts';
import { findUnknown, isRecord, numberToString, renderValue, typeName, type ValueRecord } from './values.ts';

/**
 * Thrown by an argument accessor that meets an Unknown where the function needs
 * a known value; `defineFunction` turns it into an Unknown result.
 */
class UnknownInput extends Error {
  constructor(readonly unknown: Unknown) {
    super('unknown input');
  }
}

export interface FunctionSignature {
  /** Names of the required parameters, as Terraform's documentation names them. */
  params: string[];
  /** Names of optional parameters after the required ones. */
  optional?: string[];
  /** Name of the variadic parameter that takes all remaining arguments. */
  variadic?: string;
}

export type FunctionBody = (call: FunctionCall) => Value;

/**
 * Wraps a function body with arity checks and Unknown handling. Whenever the
 * body reads an argument (or part of one) that is Unknown through a `FunctionCall`
 * accessor, the result is an Unknown that names the call. A body that never reads
 * a part, such as `concat` passing list elements through, keeps it in place.
 */
export function defineFunction(
  name: string,
  signature: FunctionSignature,
  body: FunctionBody,
): TerraformFunction {
  return (args, context) => {
    checkArity(name, signature, args);
    const call = new FunctionCall(name, signature, args, context);
    try {
      return body(call);
    } catch (error) {
      if (error instanceof UnknownInput) return call.unknownResult(error.unknown);
      throw error;
    }
  };
}

function checkArity(name: string, signature: FunctionSignature, args: Value[]): void {
  const min = signature.params.length;
  const max = signature.variadic ? Infinity : min + (signature.optional?.length ?? 0);
  if (args.length >= min && args.length <= max) return;
  let expected = `${min} to ${max}`;
  if (max === Infinity) expected = `at least ${min}`;
  else if (min === max) expected = `${min}`;
  throw new FunctionError(
    `${name}() takes ${expected} argument${max === 1 ? '' : 's'}, but ${args.length} were given.`,
  );
}

/** The arguments of one call, with typed accessors that convert as Terraform does. */
export class FunctionCall {
  constructor(
    readonly name: string,
    private readonly signature: FunctionSignature,
    readonly args: Value[],
    readonly context: FunctionContext,
  ) {}

  get count(): number {
    return this.args.length;
  }

  /** Returns the argument as given; an Unknown argument makes the whole result Unknown. */
  value(index: number): Value {
    return this.known(this.args[index] ?? null);
  }

  /** Returns the argument after checking that every nested part is known. */
  deepValue(index: number): Value {
    return this.deepKnown(this.args[index] ?? null);
  }

  has(index: number): boolean {
    return index < this.args.length;
  }

  string(index: number): string {
    return this.toStringValue(this.value(index), index);
  }

  number(index: number): number {
    return this.toNumberValue(this.value(index), index);
  }

  integer(index: number): number {
    const value = this.number(index);
    if (!Number.isInteger(value)) this.fail(index, `expected a whole number, got ${value}`);
    return value;
  }

  bool(index: number): boolean {
    const value = this.value(index);
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.fail(index, `expected a bool, got ${describe(value)}`);
  }

  /** Reads a list, tuple or set argument; its elements may still be Unknown. */
  list(index: number): Value[] {
    const value = this.value(index);
    if (!Array.isArray(value)) this.fail(index, `expected a list, got ${describe(value)}`);
    return value as Value[];
  }

  /** Reads a list argument and converts every element to a string. */
  stringList(index: number): string[] {
    return this.list(index).map((item) => this.toStringValue(this.known(item), index));
  }

  /** Reads a map or object argument; its values may still be Unknown. */
  record(index: number): ValueRecord {
    const value = this.value(index);
    if (!isRecord(value)) this.fail(index, `expected a map or object, got ${describe(value)}`);
    return value as ValueRecord;
  }

  /** Requires a nested part to be known. */
  known(value: Value): Value {
    if (isUnknown(value)) throw new UnknownInput(value);
    return value;
  }

  deepKnown(value: Value): Value {
    const unknown = findUnknown(value);
    if (unknown !== undefined) throw new UnknownInput(unknown);
    return value;
  }

  toStringValue(value: Value, index: number): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return numberToString(value);
    if (typeof value === 'boolean') return String(value);
    return this.fail(index, `expected a string, got ${describe(value)}`);
  }

  toNumberValue(value: Value, index: number): number {
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) {
      return Number(value);
    }
    return this.fail(index, `expected a number, got ${describe(value)}`);
  }

  /** Throws a FunctionError naming this function and the parameter at `index`. */
  fail(index: number, problem: string): never {
    throw new FunctionError(`Invalid argument ${this.paramName(index)} of ${this.name}(): ${problem}.`);
  }

  /** Throws a FunctionError about the call as a whole. */
  failCall(problem: string): never {
    throw new FunctionError(`Invalid call to ${this.name}(): ${problem}.`);
  }

  /** Builds an Unknown result that names the call and the unknown input it depends on. */
  unknownResult(input: Unknown, keepRef = false): Unknown {
    const origin = `${this.name}(${this.args.map(renderValue).join(', ')})`;
    const reason = `${this.name}() depends on ${input.origin}: ${input.reason}`;
    return new Unknown(reason, origin, keepRef ? input.ref : undefined);
  }

  private paramName(index: number): string {
    const { params, optional = [], variadic } = this.signature;
    const names = [...params, ...optional];
    return names[index] ?? `${variadic ?? 'argument'} ${index + 1}`;
  }
}

function describe(value: Value): string {
  if (value === null) return 'null';
  const rendered = renderValue(value);
  const shown = rendered.length > 60 ? `${rendered.slice(0, 57)}...` : rendered;
  return typeof value === 'string' ? shown : `${typeName(value)} ${shown}`;
}
