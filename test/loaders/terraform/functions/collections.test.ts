import { describe, expect, it } from 'vitest';
import { FunctionError } from '../../../../src/loaders/terraform/functions/types.ts';
import type { Value } from '../../../../src/loaders/terraform/types.ts';
import { callFunction } from './call-function.ts';

describe('collection functions', () => {
  it.each<[string, Value[], Value]>([
    ['concat', [['a', ''], ['b', 'c']], ['a', '', 'b', 'c']],
    ['merge', [{ a: 'b', c: 'd' }, { e: 'f', c: 'z' }], { a: 'b', c: 'z', e: 'f' }],
    ['merge', [{ a: 1 }, null], { a: 1 }],
    ['lookup', [{ a: 'ay', b: 'bee' }, 'a', 'what?'], 'ay'],
    ['lookup', [{ a: 'ay', b: 'bee' }, 'c', 'what?'], 'what?'],
    ['element', [['a', 'b', 'c'], 1], 'b'],
    ['element', [['a', 'b', 'c'], 3], 'a'],
    ['flatten', [[['a', 'b'], [], ['c']]], ['a', 'b', 'c']],
    ['flatten', [[[['a', 'b'], []], ['c']]], ['a', 'b', 'c']],
    ['distinct', [['a', 'b', 'a', 'c', 'd', 'b']], ['a', 'b', 'c', 'd']],
    ['keys', [{ d: 3, a: 1, c: 2 }], ['a', 'c', 'd']],
    ['values', [{ d: 1, a: 3, c: 2 }], [3, 2, 1]],
    ['length', [[]], 0],
    ['length', [['a', 'b']], 2],
    ['length', [{ a: 'b' }], 1],
    ['length', ['hello'], 5],
    ['length', ['👾🕹️'], 2],
    ['coalesce', ['a', 'b'], 'a'],
    ['coalesce', ['', 'b'], 'b'],
    ['coalesce', [null, 1, 2], 1],
    ['coalescelist', [['a', 'b'], ['c', 'd']], ['a', 'b']],
    ['coalescelist', [[], ['c', 'd']], ['c', 'd']],
    ['contains', [['a', 'b', 'c'], 'a'], true],
    ['contains', [['a', 'b', 'c'], 'd'], false],
    ['range', [3], [0, 1, 2]],
    ['range', [1, 4], [1, 2, 3]],
    ['range', [1, 8, 2], [1, 3, 5, 7]],
    ['range', [1, 4, 0.5], [1, 1.5, 2, 2.5, 3, 3.5]],
    ['range', [4, 1], [4, 3, 2]],
    ['range', [10, 5, -2], [10, 8, 6]],
    ['range', [0], []],
    ['zipmap', [['a', 'b'], [1, 2]], { a: 1, b: 2 }],
    ['slice', [['a', 'b', 'c', 'd'], 1, 3], ['b', 'c']],
    ['reverse', [[1, 2, 3]], [3, 2, 1]],
    ['sort', [['e', 'd', 'a', 'x']], ['a', 'd', 'e', 'x']],
    ['sort', [[10, 9, 1]], ['1', '10', '9']],
    ['setunion', [['a', 'b'], ['b', 'c'], ['d']], ['a', 'b', 'c', 'd']],
    ['setintersection', [['a', 'b'], ['b', 'c'], ['b', 'd']], ['b']],
    ['setsubtract', [['a', 'b', 'c'], ['a', 'c']], ['b']],
    ['index', [['a', 'b', 'c'], 'b'], 1],
    ['one', [[]], null],
    ['one', [['hello']], 'hello'],
    ['compact', [['a', '', 'b', null, 'c']], ['a', 'b', 'c']],
    ['chunklist', [['a', 'b', 'c', 'd', 'e'], 2], [['a', 'b'], ['c', 'd'], ['e']]],
    ['chunklist', [['a', 'b'], 1], [['a'], ['b']]],
    ['alltrue', [[true, 'true']], true],
    ['alltrue', [[]], true],
    ['anytrue', [[false, true]], true],
    ['anytrue', [[]], false],
  ])('%s(%j) is %j', (name, args, expected) => {
    expect(callFunction(name, ...args)).toEqual(expected);
  });

  it.each<[string, Value[], string]>([
    ['one', [['hello', 'goodbye']], 'at most one element'],
    ['element', [[], 0], 'empty list'],
    ['element', [['a'], -1], 'negative'],
    ['lookup', [{ a: 1 }, 'b'], 'no key "b"'],
    ['index', [['a'], 'z'], 'does not contain "z"'],
    ['zipmap', [['a'], [1, 2]], '1 keys but 2 values'],
    ['slice', [['a'], 0, 2], 'end_index'],
    ['range', [1, 4, 0], 'must not be zero'],
    ['range', [0, 2000], 'more than 1024'],
    ['range', [1, 4, -1], 'never reaches'],
    ['coalesce', [null, ''], 'no non-null'],
    ['concat', [['a'], 'b'], 'expected a list'],
    ['length', [5], 'expected a string, list or map'],
    ['keys', [['a']], 'expected a map'],
    ['length', [], 'takes 1 argument'],
    ['setsubtract', [['a']], 'takes 2 arguments'],
  ])('%s(%j) fails naming %s', (name, args, fragment) => {
    expect(() => callFunction(name, ...args)).toThrow(FunctionError);
    expect(() => callFunction(name, ...args)).toThrow(fragment);
  });
});
