import { describe, expect, it } from 'vitest';
import { FunctionError } from '../../../../src/loaders/terraform/functions/types.ts';
import type { Value } from '../../../../src/loaders/terraform/types.ts';
import { callFunction } from './call-function.ts';

describe('format', () => {
  it.each<[Value[], string]>([
    [['Hello, %s!', 'Ander'], 'Hello, Ander!'],
    [['There are %d lights', 4], 'There are 4 lights'],
    [['%v', true], 'true'],
    [['%v', 'text'], 'text'],
    [['%v', [1, 'a']], '[1,"a"]'],
    [['%#v', 'a'], '"a"'],
    [['%q', 'say "hi"'], '"say \\"hi\\""'],
    [['%5d|', 42], '   42|'],
    [['%-5d|', 42], '42   |'],
    [['%05d', -42], '-0042'],
    [['%+d', 5], '+5'],
    [['%.2f', 3.14159], '3.14'],
    [['%f', 1], '1.000000'],
    [['%e', 1234.5], '1.234500e+03'],
    [['%x', 255], 'ff'],
    [['%X', 255], 'FF'],
    [['%b', 5], '101'],
    [['%o', 8], '10'],
    [['%t', false], 'false'],
    [['%%'], '%'],
    [['100%% of %s', 'ports'], '100% of ports'],
    [['%[2]s %[1]s', 'a', 'b'], 'b a'],
    [['%8s|', 'ab'], '      ab|'],
    [['%-8s|', 'ab'], 'ab      |'],
    [['%.3s', 'abcdef'], 'abc'],
    [['%s', 10], '10'],
    [['%d', '22'], '22'],
  ])('format(%j) is %j', (args, expected) => {
    expect(callFunction('format', ...args)).toBe(expected);
  });

  it.each<[Value[], string]>([
    [['%s %s', 'a'], 'needs more arguments'],
    [['%s', 'a', 'b'], 'uses 1 of the 2 arguments'],
    [['%d', 1.5], 'whole number'],
    [['%d', 'abc'], 'expected a number'],
    [['%s', ['a']], 'expected a string'],
    [['%z', 'a'], '%z is not supported'],
    [['50%'], 'incomplete verb'],
  ])('format(%j) fails naming %s', (args, fragment) => {
    expect(() => callFunction('format', ...args)).toThrow(FunctionError);
    expect(() => callFunction('format', ...args)).toThrow(fragment);
  });
});

describe('string functions', () => {
  it.each<[string, Value[], Value]>([
    ['formatlist', ['Hello, %s!', ['Valentina', 'Ander']], ['Hello, Valentina!', 'Hello, Ander!']],
    [
      'formatlist',
      ['%s, %s!', 'Salutations', ['Valentina', 'Ander']],
      ['Salutations, Valentina!', 'Salutations, Ander!'],
    ],
    ['formatlist', ['%s=%d', ['a', 'b'], [1, 2]], ['a=1', 'b=2']],
    ['join', ['-', ['foo', 'bar', 'baz']], 'foo-bar-baz'],
    ['join', [', ', ['foo']], 'foo'],
    ['join', [',', ['a'], ['b', 1]], 'a,b,1'],
    ['split', [',', 'foo,bar,baz'], ['foo', 'bar', 'baz']],
    ['split', [',', 'foo'], ['foo']],
    ['split', [',', ''], ['']],
    ['replace', ['1 + 2 + 3', '+', '-'], '1 - 2 - 3'],
    ['replace', ['hello world', '/w.*d/', 'everybody'], 'hello everybody'],
    ['replace', ['hello', '/(l+)/', '[$1]'], 'he[ll]o'],
    ['replace', ['a-b', '/(?P<left>\\w)-(?P<right>\\w)/', '${right}-${left}'], 'b-a'],
    ['replace', ['HELLO', '/(?i)l/', 'x'], 'HExxO'],
    ['replace', ['cost 5', '/\\d/', '$$9'], 'cost $9'],
    ['regex', ['[a-z]+', '53453453.345345aaabbbccc23454'], 'aaabbbccc'],
    ['regex', ['(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)', '2019-02-01'], ['2019', '02', '01']],
    [
      'regex',
      ['^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?', 'https://terraform.io/docs/'],
      { scheme: 'https', authority: 'terraform.io' },
    ],
    ['regex', ['[[:digit:]]+', 'port 8080'], '8080'],
    ['regex', ['\\A\\d+\\z', '123'], '123'],
    ['regexall', ['[a-z]+', '1234abcd5678efgh9'], ['abcd', 'efgh']],
    ['regexall', ['[a-z]+', '123456789'], []],
    ['regexall', ['(\\d+)-(\\d+)', '20-23,5985-5986'], [['20', '23'], ['5985', '5986']]],
    ['lower', ['HELLO'], 'hello'],
    ['upper', ['hello'], 'HELLO'],
    ['title', ['hello world'], 'Hello World'],
    ['title', ['mgmt-subnet_a'], 'Mgmt-Subnet_a'],
    ['trimspace', ['  hello\n\n'], 'hello'],
    ['trim', ['?!hello?!', '!?'], 'hello'],
    ['trim', ['foobar', 'far'], 'oob'],
    ['trimprefix', ['helloworld', 'hello'], 'world'],
    ['trimprefix', ['helloworld', 'cat'], 'helloworld'],
    ['trimsuffix', ['helloworld', 'world'], 'hello'],
    ['substr', ['hello world', 1, 4], 'ello'],
    ['substr', ['🤔🤷', 0, 1], '🤔'],
    ['substr', ['hello world', -5, -1], 'world'],
    ['substr', ['hello world', 6, 10], 'world'],
    ['substr', ['hello', 10, 2], ''],
    ['startswith', ['hello world', 'hello'], true],
    ['startswith', ['hello world', 'world'], false],
    ['endswith', ['hello world', 'world'], true],
    ['strcontains', ['hello world', 'wor'], true],
    ['strcontains', ['hello world', 'wod'], false],
    ['chomp', ['hello\n\n'], 'hello'],
    ['strrev', ['hello'], 'olleh'],
    ['indent', [2, '[\n  foo,\n]'], '[\n    foo,\n  ]'],
  ])('%s(%j) is %j', (name, args, expected) => {
    expect(callFunction(name, ...args)).toEqual(expected);
  });

  it.each<[string, Value[], string]>([
    ['regex', ['[a-z]+', '123'], 'did not match'],
    ['regex', ['(', 'x'], 'Invalid regular expression'],
    ['regex', ['a(?i)b', 'ab'], 'inline flag groups'],
    ['formatlist', ['%s %s', ['a'], ['b', 'c']], 'same length'],
    ['join', [','], 'at least one list'],
    ['join', [',', [null]], 'expected a string'],
    ['substr', ['abc', 0, -2], 'negative'],
  ])('%s(%j) fails naming %s', (name, args, fragment) => {
    expect(() => callFunction(name, ...args)).toThrow(FunctionError);
    expect(() => callFunction(name, ...args)).toThrow(fragment);
  });
});
