import { isUnknown } from '../../../model/unknown.ts';
import type { Value } from '../types.ts';
import { defineFunction, type FunctionCall } from './call.ts';
import type { TerraformFunction } from './types.ts';
import { isRecord, toSetArray, typeName, unifyPrimitives } from './values.ts';

/**
 * Wraps a conversion. A wholly Unknown argument stays Unknown but keeps its
 * resource reference, because `tostring(aws_security_group.web.id)` still names
 * that group. Null converts to null, as in Terraform.
 */
function defineConversion(name: string, convert: (call: FunctionCall, value: Value) => Value): TerraformFunction {
  return defineFunction(name, { params: ['v'] }, (call) => {
    const value = call.args[0]!;
    if (isUnknown(value)) return call.unknownResult(value, true);
    if (value === null) return null;
    return convert(call, value);
  });
}

const tostring = defineConversion('tostring', (call, value) => {
  if (Array.isArray(value) || isRecord(value)) call.fail(0, `cannot convert a ${typeName(value)} to a string`);
  return call.toStringValue(value, 0);
});

const tonumber = defineConversion('tonumber', (call, value) => call.toNumberValue(value, 0));

const tobool = defineConversion('tobool', (call, value) => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return call.fail(0, `cannot convert ${JSON.stringify(value)} to a bool`);
});

const tolist = defineConversion('tolist', (call, value) => {
  if (!Array.isArray(value)) return call.fail(0, `cannot convert a ${typeName(value)} to a list`);
  return unifyPrimitives(value);
});

/** Builds a set: duplicates removed and strings sorted, as Terraform orders sets. */
const toset = defineConversion('toset', (call, value) => {
  if (!Array.isArray(value)) return call.fail(0, `cannot convert a ${typeName(value)} to a set`);
  return toSetArray(value);
});

const tomap = defineConversion('tomap', (call, value) => {
  if (!isRecord(value)) return call.fail(0, `cannot convert a ${typeName(value)} to a map`);
  const keys = Object.keys(value);
  const unified = unifyPrimitives(Object.values(value));
  return Object.fromEntries(keys.map((key, i) => [key, unified[i]!]));
});

/** Sensitivity marks do not change the value, so both functions return their argument. */
const sensitive = defineFunction('sensitive', { params: ['value'] }, (call) => call.args[0]!);
const nonsensitive = defineFunction('nonsensitive', { params: ['value'] }, (call) => call.args[0]!);

export const CONVERSION_FUNCTIONS: Record<string, TerraformFunction> = {
  nonsensitive,
  sensitive,
  tobool,
  tolist,
  tomap,
  tonumber,
  toset,
  tostring,
};
