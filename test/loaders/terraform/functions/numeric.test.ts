import { describe, expect, it } from 'vitest';
import { FunctionError } from '../../../../src/loaders/terraform/functions/types.ts';
import type { Value } from '../../../../src/loaders/terraform/types.ts';
import { callFunction } from './call-function.ts';

describe('numeric functions', () => {
  it.each<[string, Value[], Value]>([
    ['min', [12, 54, 3], 3],
    ['max', [12, 54, 3], 54],
    ['max', ['12', 4], 12],
    ['abs', [23], 23],
    ['abs', [0], 0],
    ['abs', [-12.4], 12.4],
    ['ceil', [5], 5],
    ['ceil', [5.1], 6],
    ['floor', [5], 5],
    ['floor', [4.9], 4],
    ['sum', [[10, 13, 6, 4.5]], 33.5],
    ['pow', [3, 2], 9],
    ['signum', [-13], -1],
    ['parseint', ['100', 10], 100],
    ['parseint', ['FF', 16], 255],
    ['parseint', ['-10', 16], -16],
    ['parseint', ['1011111011101111', 2], 48879],
    ['parseint', ['aA', 62], 656],
  ])('%s(%j) is %j', (name, args, expected) => {
    expect(callFunction(name, ...args)).toEqual(expected);
  });

  it('computes log(50, 10)', () => {
    expect(callFunction('log', 50, 10)).toBeCloseTo(1.69897, 5);
  });

  it.each<[string, Value[], string]>([
    ['min', [], 'at least one number'],
    ['sum', [[]], 'empty list'],
    ['parseint', ['12', 2], 'not a number in base 2'],
    ['parseint', ['1', 63], 'outside 2-62'],
    ['abs', ['x'], 'expected a number'],
  ])('%s(%j) fails naming %s', (name, args, fragment) => {
    expect(() => callFunction(name, ...args)).toThrow(FunctionError);
    expect(() => callFunction(name, ...args)).toThrow(fragment);
  });
});
