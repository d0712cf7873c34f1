import { describe, expect, it } from 'vitest';
import { FunctionError } from '../../../../src/loaders/terraform/functions/types.ts';
import type { Value } from '../../../../src/loaders/terraform/types.ts';
import { callFunction } from './call-function.ts';

describe('conversion functions', () => {
  it.each<[string, Value[], Value]>([
    ['tolist', [['a', 'b', 'c']], ['a', 'b', 'c']],
    ['tolist', [['a', 'b', 3]], ['a', 'b', '3']],
    ['tolist', [null], null],
    ['toset', [['a', 'b', 'c']], ['a', 'b', 'c']],
    ['toset', [['c', 'b', 'b']], ['b', 'c']],
    ['toset', [['a', 'b', 3]], ['3', 'a', 'b']],
    ['toset', [[10, 2, 10]], [2, 10]],
    ['tomap', [{ a: 1, b: 2 }], { a: 1, b: 2 }],
    ['tomap', [{ a: 'foo', b: true }], { a: 'foo', b: 'true' }],
    ['tostring', ['hello'], 'hello'],
    ['tostring', [1], '1'],
    ['tostring', [1.5], '1.5'],
    ['tostring', [true], 'true'],
    ['tostring', [null], null],
    ['tonumber', [1], 1],
    ['tonumber', ['1'], 1],
    ['tonumber', ['-2.5'], -2.5],
    ['tonumber', [null], null],
    ['tobool', [true], true],
    ['tobool', ['true'], true],
    ['tobool', ['false'], false],
    ['tobool', [null], null],
    ['sensitive', ['secret'], 'secret'],
    ['nonsensitive', [1], 1],
  ])('%s(%j) is %j', (name, args, expected) => {
    expect(callFunction(name, ...args)).toEqual(expected);
  });

  it.each<[string, Value[], string]>([
    ['tostring', [[]], 'cannot convert a list to a string'],
    ['tonumber', ['no'], 'expected a number, got "no"'],
    ['tobool', ['no'], 'cannot convert "no" to a bool'],
    ['tobool', [1], 'cannot convert 1 to a bool'],
    ['tolist', [{ a: 1 }], 'cannot convert a object to a list'],
    ['tomap', [['a']], 'cannot convert a list to a map'],
  ])('%s(%j) fails naming %s', (name, args, fragment) => {
    expect(() => callFunction(name, ...args)).toThrow(FunctionError);
    expect(() => callFunction(name, ...args)).toThrow(fragment);
  });
});
