import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FUNCTIONS } from '../../../../src/loaders/terraform/functions/index.ts';
import { FunctionError, type FunctionContext } from '../../../../src/loaders/terraform/functions/types.ts';
import type { Value } from '../../../../src/loaders/terraform/types.ts';

/**
 * Builds a function context that reads real files under `moduleDir` and records
 * template renders, because the template engine belongs to the evaluator.
 */
export function fileContext(moduleDir: string): FunctionContext & { renders: unknown[] } {
  const renders: unknown[] = [];
  return {
    moduleDir,
    renders,
    readFile(path) {
      try {
        return readFileSync(resolve(moduleDir, path), 'utf8');
      } catch (error) {
        throw new FunctionError(`Cannot read ${path}: ${(error as Error).message}.`);
      }
    },
    renderTemplate(text, variables) {
      renders.push({ text, variables });
      return `rendered ${text.length} characters`;
    },
  };
}

const defaultContext = fileContext(process.cwd());

export function callFunction(name: string, ...args: Value[]): Value {
  const fn = FUNCTIONS[name];
  if (fn === undefined) throw new Error(`${name} is not registered`);
  return fn(args, defaultContext);
}
