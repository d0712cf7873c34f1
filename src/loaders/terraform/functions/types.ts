import type { Value } from '../types.ts';

/** What a Terraform function may need from the module it is called in. */
export interface FunctionContext {
  /** The folder of the module, for `file()` and `templatefile()` (`path.module`). */
  moduleDir: string;
  /** Reads a file relative to `moduleDir`; throws FunctionError when it cannot. */
  readFile(path: string): string;
  /** Evaluates template text (`${...}` and `%{...}`) with the given variables. */
  renderTemplate(text: string, variables: Record<string, Value>): Value;
}

/**
 * A Terraform built-in function. Arguments are already evaluated; `try` and
 * `can` need unevaluated arguments, so the evaluator implements them itself.
 */
export type TerraformFunction = (args: Value[], context: FunctionContext) => Value;

/** A function called with arguments Terraform would reject; the message says which and why. */
export class FunctionError extends Error {
  override name = 'FunctionError';
}
