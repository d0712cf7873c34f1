import { defineFunction, type FunctionCall } from './call.ts';
import type { TerraformFunction } from './types.ts';

function numbers(call: FunctionCall): number[] {
  if (call.count === 0) call.failCall('at least one number is required');
  return call.args.map((_, i) => call.number(i));
}

const min = defineFunction('min', { params: [], variadic: 'numbers' }, (call) => Math.min(...numbers(call)));
const max = defineFunction('max', { params: [], variadic: 'numbers' }, (call) => Math.max(...numbers(call)));

const sum = defineFunction('sum', { params: ['list'] }, (call) => {
  const list = call.list(0);
  if (list.length === 0) call.fail(0, 'cannot sum an empty list');
  return list.reduce<number>((total, item) => total + call.toNumberValue(call.known(item), 0), 0);
});

function unary(name: string, operation: (value: number) => number): TerraformFunction {
  return defineFunction(name, { params: ['num'] }, (call) => operation(call.number(0)));
}

const pow = defineFunction('pow', { params: ['num', 'power'] }, (call) => call.number(0) ** call.number(1));

const log = defineFunction('log', { params: ['num', 'base'] }, (call) =>
  Math.log(call.number(0)) / Math.log(call.number(1)),
);

/**
 * Parses an integer in base 2 to 62 as Go's big.Int does: letters are
 * case-insensitive digits up to base 36, and above it `a-z` are 10-35 and
 * `A-Z` are 36-61.
 */
const parseint = defineFunction('parseint', { params: ['number', 'base'] }, (call) => {
  const text = call.string(0);
  const base = call.integer(1);
  if (base < 2 || base > 62) call.fail(1, `the base ${base} is outside 2-62`);
  const match = /^([-+]?)(.+)$/.exec(text);
  let value = 0n;
  for (const character of match?.[2] ?? '') {
    const digit = digitValue(character, base);
    if (digit === undefined || digit >= base) {
      return call.fail(0, `${JSON.stringify(text)} is not a number in base ${base}`);
    }
    value = value * BigInt(base) + BigInt(digit);
  }
  if (match === null) call.fail(0, 'the text is empty');
  return Number(match?.[1] === '-' ? -value : value);
});

function digitValue(character: string, base: number): number | undefined {
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 97 + 10;
  if (code >= 65 && code <= 90) return code - 65 + (base <= 36 ? 10 : 36);
  return undefined;
}

export const NUMERIC_FUNCTIONS: Record<string, TerraformFunction> = {
  abs: unary('abs', Math.abs),
  ceil: unary('ceil', Math.ceil),
  floor: unary('floor', Math.floor),
  log,
  max,
  min,
  parseint,
  pow,
  signum: unary('signum', Math.sign),
  sum,
};
