import { isUnknown } from '../../../model/unknown.ts';
import type { Value } from '../types.ts';
import type { FunctionCall } from './call.ts';
import { encodeJson } from './json.ts';
import { numberToString, splitCharacters } from './values.ts';

interface Verb {
  flags: string;
  width?: number;
  precision?: number;
  verb: string;
}

const VERB = /([-+# 0]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d*))?(?:\[(\d+)\])?([a-zA-Z%])/y;

/**
 * Formats like Terraform's `format`: Go-style verbs `%v %#v %s %q %d %t %b %o
 * %x %X %e %E %f %g %G`, flags `- + 0 #` and space, width, precision, `%%`, and
 * explicit argument indexes `%[2]s`. `args` are the values after the spec.
 */
export function formatValues(call: FunctionCall, spec: string, args: Value[]): string {
  let result = '';
  let next = 0;
  let used = 0;
  for (let i = 0; i < spec.length; i++) {
    if (spec[i] !== '%') {
      result += spec[i];
      continue;
    }
    VERB.lastIndex = i + 1;
    const match = VERB.exec(spec);
    if (match === null) call.fail(0, `the format ${JSON.stringify(spec)} has an incomplete verb at position ${i + 1}`);
    i = VERB.lastIndex - 1;
    if (match[6] === '%') {
      result += '%';
      continue;
    }
    const explicit = match[2] ?? match[5];
    if (explicit !== undefined) next = Number(explicit) - 1;
    if (next < 0 || next >= args.length) {
      call.fail(0, `the format ${JSON.stringify(spec)} needs more arguments than the ${args.length} given`);
    }
    const verb: Verb = { flags: match[1]!, verb: match[6]! };
    if (match[3] !== undefined) verb.width = Number(match[3]);
    if (match[4] !== undefined) verb.precision = Number(match[4] || '0');
    result += formatOne(call, verb, call.deepKnown(args[next]!));
    next++;
    used = Math.max(used, next);
  }
  if (used < args.length) {
    call.failCall(`the format ${JSON.stringify(spec)} uses ${used} of the ${args.length} arguments given`);
  }
  return result;
}

function formatOne(call: FunctionCall, verb: Verb, value: Value): string {
  const text = convert(call, verb, value);
  return pad(text, verb, typeof value === 'number' && verb.verb !== 'v' && verb.verb !== 's');
}

function convert(call: FunctionCall, verb: Verb, value: Value): string {
  switch (verb.verb) {
    case 'v':
      if (verb.flags.includes('#') || (typeof value === 'object' && !isUnknown(value))) {
        return encodeJson(value);
      }
      return value === null ? 'null' : call.toStringValue(value, 1);
    case 's':
      return truncate(call.toStringValue(value, 1), verb.precision);
    case 'q':
      return JSON.stringify(call.toStringValue(value, 1));
    case 't':
      if (typeof value !== 'boolean') call.failCall(`%t needs a bool, got ${JSON.stringify(value)}`);
      return String(value);
    case 'd':
      return signed(verb, integerArgument(call, value, 'd'), (n) => n.toString(10));
    case 'b':
      return signed(verb, integerArgument(call, value, 'b'), (n) => n.toString(2));
    case 'o':
      return signed(verb, integerArgument(call, value, 'o'), (n) => n.toString(8));
    case 'x':
    case 'X':
      return formatHex(call, verb, value);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return formatFloat(verb, call.toNumberValue(value, 1));
    default:
      return call.failCall(`the verb %${verb.verb} is not supported`);
  }
}

function integerArgument(call: FunctionCall, value: Value, verb: string): bigint {
  const number = call.toNumberValue(value, 1);
  if (!Number.isInteger(number)) call.failCall(`%${verb} needs a whole number, got ${number}`);
  return BigInt(number);
}

function signed(verb: Verb, value: bigint, digits: (n: bigint) => string): string {
  const body = digits(value < 0n ? -value : value);
  return signPrefix(verb, value < 0n) + body;
}

function signPrefix(verb: Verb, negative: boolean): string {
  if (negative) return '-';
  if (verb.flags.includes('+')) return '+';
  return verb.flags.includes(' ') ? ' ' : '';
}

function formatHex(call: FunctionCall, verb: Verb, value: Value): string {
  const hex =
    typeof value === 'string'
      ? Buffer.from(value, 'utf8').toString('hex')
      : signed(verb, integerArgument(call, value, verb.verb), (n) => n.toString(16));
  return verb.verb === 'X' ? hex.toUpperCase() : hex;
}

function formatFloat(verb: Verb, value: number): string {
  const precision = verb.precision;
  const magnitude = Math.abs(value);
  let body: string;
  if (verb.verb === 'f' || verb.verb === 'F') body = magnitude.toFixed(precision ?? 6);
  else if (verb.verb === 'e' || verb.verb === 'E') body = goExponent(magnitude.toExponential(precision ?? 6));
  else body = precision === undefined ? numberToString(magnitude) : goExponent(magnitude.toPrecision(precision || 1));
  const text = signPrefix(verb, value < 0) + body;
  return verb.verb === verb.verb.toUpperCase() ? text.toUpperCase() : text;
}

/** Go writes exponents with at least two digits: `1e+06`, not `1e+6`. */
function goExponent(text: string): string {
  return text.replace(/e([-+])(\d)$/, 'e$10$2');
}

function truncate(text: string, precision: number | undefined): string {
  if (precision === undefined) return text;
  return splitCharacters(text).slice(0, precision).join('');
}

function pad(text: string, verb: Verb, numeric: boolean): string {
  const missing = (verb.width ?? 0) - splitCharacters(text).length;
  if (missing <= 0) return text;
  if (verb.flags.includes('-')) return text + ' '.repeat(missing);
  if (numeric && verb.flags.includes('0')) {
    const sign = /^[-+ ]/.test(text) ? text[0]! : '';
    return sign + '0'.repeat(missing) + text.slice(sign.length);
  }
  return ' '.repeat(missing) + text;
}
