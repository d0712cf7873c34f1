import type { Value } from '../types.ts';
import { defineFunction, type FunctionCall } from './call.ts';
import { formatValues } from './format.ts';
import { compileGoRegex, expandReplacement } from './go-regex.ts';
import type { TerraformFunction } from './types.ts';
import { splitCharacters } from './values.ts';

const format = defineFunction('format', { params: ['spec'], variadic: 'values' }, (call) =>
  formatValues(call, call.string(0), call.args.slice(1)),
);

/**
 * Formats once per list element: list arguments must have equal lengths and
 * scalar arguments repeat for every element.
 */
const formatlist = defineFunction('formatlist', { params: ['spec'], variadic: 'values' }, (call) => {
  const spec = call.string(0);
  const rest = call.args.slice(1).map((_, i) => call.value(i + 1));
  const lengths = new Set(rest.filter(Array.isArray).map((list) => list.length));
  if (lengths.size > 1) call.failCall('all list arguments must have the same length');
  const [count = 1] = lengths;
  const rows: string[] = [];
  for (let row = 0; row < count; row++) {
    const values = rest.map((arg) => (Array.isArray(arg) ? arg[row]! : arg));
    rows.push(formatValues(call, spec, values));
  }
  return rows;
});

const join = defineFunction('join', { params: ['separator'], variadic: 'lists' }, (call) => {
  const separator = call.string(0);
  if (call.count < 2) call.failCall('at least one list is required');
  const items = call.args.slice(1).flatMap((_, i) => call.stringList(i + 1));
  return items.join(separator);
});

/** Splits like Go's strings.Split: an empty string gives one empty element. */
const split = defineFunction('split', { params: ['separator', 'str'] }, (call) => {
  const separator = call.string(0);
  const text = call.string(1);
  return separator === '' ? splitCharacters(text) : text.split(separator);
});

/** Replaces every occurrence; a substring written `/…/` is a regular expression. */
const replace = defineFunction('replace', { params: ['str', 'substr', 'replace'] }, (call) => {
  const text = call.string(0);
  const search = call.string(1);
  const replacement = call.string(2);
  if (search.length >= 2 && search.startsWith('/') && search.endsWith('/')) {
    const pattern = compileGoRegex('replace', search.slice(1, -1), true);
    return text.replace(pattern, (...parts: unknown[]) => {
      return expandReplacement(replacement, toExecArray(parts));
    });
  }
  return search === '' ? text : text.split(search).join(replacement);
});

/** Rebuilds a RegExpExecArray from the arguments String.replace passes to its callback. */
function toExecArray(parts: unknown[]): RegExpExecArray {
  const hasGroups = typeof parts[parts.length - 1] === 'object';
  const end = parts.length - (hasGroups ? 3 : 2);
  const match = parts.slice(0, end) as unknown as RegExpExecArray;
  if (hasGroups) match.groups = parts[parts.length - 1] as Record<string, string>;
  return match;
}

const regex = defineFunction('regex', { params: ['pattern', 'string'] }, (call) => {
  const pattern = compileGoRegex('regex', call.string(0));
  const match = pattern.exec(call.string(1));
  if (match === null) return call.failCall(`the pattern ${JSON.stringify(call.string(0))} did not match`);
  return matchResult(match);
});

const regexall = defineFunction('regexall', { params: ['pattern', 'string'] }, (call) => {
  const pattern = compileGoRegex('regexall', call.string(0), true);
  return Array.from(call.string(1).matchAll(pattern), matchResult);
});

/** The whole match, the list of captures, or the map of named captures, as Terraform returns them. */
function matchResult(match: RegExpExecArray | RegExpMatchArray): Value {
  if (match.groups !== undefined) {
    return Object.fromEntries(Object.entries(match.groups).map(([key, value]) => [key, value ?? null]));
  }
  if (match.length === 1) return match[0];
  return match.slice(1).map((group) => group ?? null);
}

const lower = stringTransform('lower', (text) => text.toLowerCase());
const upper = stringTransform('upper', (text) => text.toUpperCase());
const trimspace = stringTransform('trimspace', (text) => text.trim());
const chomp = stringTransform('chomp', (text) => text.replace(/(\r\n|\n|\r)+$/, ''));
const strrev = stringTransform('strrev', (text) => splitCharacters(text).reverse().join(''));

/** Upper-cases the first letter of each word, where words are separated as in Go's strings.Title. */
const title = stringTransform('title', (text) =>
  text.replace(/(^|[^\p{L}\p{N}_])(\p{L})/gu, (_all, before: string, letter: string) => {
    return before + letter.toUpperCase();
  }),
);

function stringTransform(name: string, transform: (text: string) => string): TerraformFunction {
  return defineFunction(name, { params: ['str'] }, (call) => transform(call.string(0)));
}

const trim = defineFunction('trim', { params: ['str', 'cutset'] }, (call) => {
  const characters = [...call.string(0)];
  const cutset = new Set(call.string(1));
  let start = 0;
  let end = characters.length;
  while (start < end && cutset.has(characters[start]!)) start++;
  while (end > start && cutset.has(characters[end - 1]!)) end--;
  return characters.slice(start, end).join('');
});

const trimprefix = defineFunction('trimprefix', { params: ['str', 'prefix'] }, (call) => {
  const [text, prefix] = [call.string(0), call.string(1)];
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
});

const trimsuffix = defineFunction('trimsuffix', { params: ['str', 'suffix'] }, (call) => {
  const [text, suffix] = [call.string(0), call.string(1)];
  return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
});

/** Takes `length` characters from `offset`; a negative offset counts from the end, length -1 takes the rest. */
const substr = defineFunction('substr', { params: ['str', 'offset', 'length'] }, (call) => {
  const characters = splitCharacters(call.string(0));
  let offset = call.integer(1);
  const length = call.integer(2);
  if (offset < 0) offset = Math.max(0, characters.length + offset);
  if (length < -1) call.fail(2, `the length ${length} is negative`);
  if (offset >= characters.length) return '';
  const end = length === -1 ? characters.length : offset + length;
  return characters.slice(offset, end).join('');
});

const startswith = stringTest('startswith', ['str', 'prefix'], (text, part) => text.startsWith(part));
const endswith = stringTest('endswith', ['str', 'suffix'], (text, part) => text.endsWith(part));
const strcontains = stringTest('strcontains', ['str', 'substr'], (text, part) => text.includes(part));

function stringTest(
  name: string,
  params: string[],
  test: (text: string, part: string) => boolean,
): TerraformFunction {
  return defineFunction(name, { params }, (call: FunctionCall) => test(call.string(0), call.string(1)));
}

const indent = defineFunction('indent', { params: ['spaces', 'string'] }, (call) => {
  const spaces = ' '.repeat(Math.max(0, call.integer(0)));
  return call.string(1).replace(/\n/g, `\n${spaces}`);
});

export const STRING_FUNCTIONS: Record<string, TerraformFunction> = {
  chomp,
  endswith,
  format,
  formatlist,
  indent,
  join,
  lower,
  regex,
  regexall,
  replace,
  split,
  startswith,
  strcontains,
  strrev,
  substr,
  title,
  trim,
  trimprefix,
  trimspace,
  trimsuffix,
  upper,
};
