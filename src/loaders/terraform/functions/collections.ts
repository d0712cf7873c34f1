import { isUnknown } from '../../../model/unknown.ts';
import type { Value } from '../types.ts';
import { defineFunction, type FunctionCall } from './call.ts';
import type { TerraformFunction } from './types.ts';
import {
  compareStrings,
  countCharacters,
  deepEqual,
  isRecord,
  toSetArray,
  typeName,
  type ValueRecord,
} from './values.ts';

/** Terraform's `range` rejects results longer than this many elements. */
const RANGE_LIMIT = 1024;

const length = defineFunction('length', { params: ['value'] }, (call) => {
  const value = call.value(0);
  if (typeof value === 'string') return countCharacters(value);
  if (Array.isArray(value)) return value.length;
  if (isRecord(value)) return Object.keys(value).length;
  return call.fail(0, `expected a string, list or map, got ${typeName(value)}`);
});

const concat = defineFunction('concat', { params: [], variadic: 'seqs' }, (call) =>
  call.args.flatMap((_, index) => call.list(index)),
);

const merge = defineFunction('merge', { params: [], variadic: 'maps' }, (call) => {
  const merged: ValueRecord = {};
  for (let index = 0; index < call.count; index++) {
    if (call.value(index) === null) continue; // Terraform skips null arguments
    Object.assign(merged, call.record(index));
  }
  return merged;
});

const lookup = defineFunction(
  'lookup',
  { params: ['map', 'key'], optional: ['default'] },
  (call) => {
    const map = call.record(0);
    const key = call.string(1);
    if (Object.hasOwn(map, key)) return map[key]!;
    if (call.has(2)) return call.args[2]!;
    return call.fail(1, `the map has no key ${JSON.stringify(key)} and no default was given`);
  },
);

const element = defineFunction('element', { params: ['list', 'index'] }, (call) => {
  const list = call.list(0);
  const index = call.integer(1);
  if (list.length === 0) call.fail(0, 'cannot take an element of an empty list');
  if (index < 0) call.fail(1, `the index ${index} is negative`);
  return list[index % list.length]!;
});

const flatten = defineFunction('flatten', { params: ['list'] }, (call) =>
  flattenInto(call.list(0), []),
);

/** Flattens nested lists; an Unknown element stays in place, because it may be a scalar. */
function flattenInto(items: Value[], result: Value[]): Value[] {
  for (const item of items) {
    if (Array.isArray(item)) flattenInto(item, result);
    else result.push(item);
  }
  return result;
}

const distinct = defineFunction('distinct', { params: ['list'] }, (call) => {
  const items = call.deepKnown(call.list(0)) as Value[];
  return items.filter((item, i) => items.findIndex((other) => deepEqual(other, item)) === i);
});

const keys = defineFunction('keys', { params: ['inputMap'] }, (call) =>
  Object.keys(call.record(0)).sort(compareStrings),
);

const values = defineFunction('values', { params: ['mapping'] }, (call) => {
  const map = call.record(0);
  return Object.keys(map)
    .sort(compareStrings)
    .map((key) => map[key]!);
});

const coalesce = defineFunction('coalesce', { params: [], variadic: 'vals' }, (call) => {
  for (let index = 0; index < call.count; index++) {
    const value = call.value(index);
    if (value !== null && value !== '') return value;
  }
  return call.failCall('no non-null, non-empty-string arguments');
});

const coalescelist = defineFunction('coalescelist', { params: [], variadic: 'vals' }, (call) => {
  for (let index = 0; index < call.count; index++) {
    const list = call.list(index);
    if (list.length > 0) return list;
  }
  return call.failCall('no non-empty list arguments');
});

const contains = defineFunction('contains', { params: ['list', 'value'] }, (call) => {
  const target = call.deepValue(1);
  const list = call.list(0);
  if (list.some((item) => deepEqual(item, target))) return true;
  // An unknown element might equal the value, so the result is not known yet.
  call.deepKnown(list);
  return false;
});

const indexOf = defineFunction('index', { params: ['list', 'value'] }, (call) => {
  const list = call.deepKnown(call.list(0)) as Value[];
  const target = call.deepValue(1);
  const position = list.findIndex((item) => deepEqual(item, target));
  if (position === -1) call.fail(1, `the list does not contain ${JSON.stringify(target)}`);
  return position;
});

const one = defineFunction('one', { params: ['list'] }, (call) => {
  const list = call.list(0);
  if (list.length > 1) call.fail(0, `expected at most one element, got ${list.length}`);
  return list[0] ?? null;
});

const compact = defineFunction('compact', { params: ['list'] }, (call) => {
  const list = call.deepKnown(call.list(0)) as Value[];
  return list
    .filter((item) => item !== null && item !== '')
    .map((item) => call.toStringValue(item, 0));
});

const chunklist = defineFunction('chunklist', { params: ['list', 'size'] }, (call) => {
  const list = call.list(0);
  const size = call.integer(1);
  if (size < 0) call.fail(1, `the chunk size ${size} is negative`);
  if (size === 0) return [list];
  const chunks: Value[] = [];
  for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
  return chunks;
});

const range = defineFunction('range', { params: [], variadic: 'params' }, (call) => {
  if (call.count < 1 || call.count > 3) call.failCall('expected 1 to 3 numbers');
  const numbers = call.args.map((_, i) => call.number(i));
  const [start, limit] = numbers.length === 1 ? [0, numbers[0]!] : [numbers[0]!, numbers[1]!];
  const step = numbers[2] ?? (start <= limit ? 1 : -1);
  if (step === 0) call.fail(2, 'the step must not be zero');
  if ((step > 0 && start > limit) || (step < 0 && start < limit)) {
    call.failCall(`a step of ${step} never reaches ${limit} from ${start}`);
  }
  const result: number[] = [];
  for (let value = start; step > 0 ? value < limit : value > limit; value += step) {
    if (result.length === RANGE_LIMIT) call.failCall(`more than ${RANGE_LIMIT} elements`);
    result.push(value);
  }
  return result;
});

const zipmap = defineFunction('zipmap', { params: ['keyslist', 'valueslist'] }, (call) => {
  const names = call.stringList(0);
  const list = call.list(1);
  if (names.length !== list.length) {
    call.failCall(`${names.length} keys but ${list.length} values`);
  }
  return Object.fromEntries(names.map((name, i) => [name, list[i]!]));
});

const slice = defineFunction('slice', { params: ['list', 'start_index', 'end_index'] }, (call) => {
  const list = call.list(0);
  const start = call.integer(1);
  const end = call.integer(2);
  if (start < 0 || start > list.length) call.fail(1, `${start} is outside 0-${list.length}`);
  if (end < start || end > list.length) call.fail(2, `${end} is outside ${start}-${list.length}`);
  return list.slice(start, end);
});

const reverse = defineFunction('reverse', { params: ['list'] }, (call) => [...call.list(0)].reverse());

/** Sorts strings lexically; Terraform converts numbers to strings first. */
const sort = defineFunction('sort', { params: ['list'] }, (call) =>
  call.stringList(0).sort(compareStrings),
);

const setunion = defineFunction('setunion', { params: [], variadic: 'sets' }, (call) =>
  toSetArray(allSets(call).flat()),
);

const setintersection = defineFunction(
  'setintersection',
  { params: [], variadic: 'sets' },
  (call) => {
    const [first = [], ...rest] = allSets(call);
    return toSetArray(first.filter((item) => rest.every((set) => set.some((other) => deepEqual(other, item)))));
  },
);

const setsubtract = defineFunction('setsubtract', { params: ['a', 'b'] }, (call) => {
  const [a = [], b = []] = allSets(call);
  return toSetArray(a.filter((item) => !b.some((other) => deepEqual(other, item))));
});

/** Reads every argument as a fully known list, because set operations compare elements. */
function allSets(call: FunctionCall): Value[][] {
  return call.args.map((_, i) => call.deepKnown(call.list(i)) as Value[]);
}

const alltrue = defineFunction('alltrue', { params: ['list'] }, (call) =>
  call.list(0).every((_, i, list) => boolElement(call, list[i]!)),
);

const anytrue = defineFunction('anytrue', { params: ['list'] }, (call) => {
  const list = call.list(0);
  const results = list.filter((item) => !isUnknown(item)).map((item) => boolElement(call, item));
  if (results.includes(true)) return true;
  call.deepKnown(list);
  return false;
});

function boolElement(call: FunctionCall, item: Value): boolean {
  const value = call.known(item);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return call.fail(0, `expected a list of bools, got an element ${JSON.stringify(value)}`);
}

export const COLLECTION_FUNCTIONS: Record<string, TerraformFunction> = {
  alltrue,
  anytrue,
  chunklist,
  coalesce,
  coalescelist,
  compact,
  concat,
  contains,
  distinct,
  element,
  flatten,
  index: indexOf,
  keys,
  length,
  lookup,
  merge,
  one,
  range,
  reverse,
  setintersection,
  setsubtract,
  setunion,
  slice,
  sort,
  values,
  zipmap,
};
