import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';

/** The schema folder, found from this file so that any working directory works. */
const SCHEMA_DIR = new URL('../../../policies/schema/', import.meta.url);

export interface PackValidators {
  rule: ValidateFunction;
  pack: ValidateFunction;
}

let cached: PackValidators | undefined;

/** Compiles the pack and rule schemas once per process. */
export function packValidators(): PackValidators {
  if (cached) return cached;
  const ajv = new Ajv({ allErrors: true, strict: true });
  cached = {
    rule: ajv.compile(readSchema('rule.schema.json')),
    pack: ajv.compile(readSchema('pack.schema.json')),
  };
  return cached;
}

function readSchema(name: string): object {
  return JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as object;
}
