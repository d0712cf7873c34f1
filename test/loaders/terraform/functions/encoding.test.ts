import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../../../src/model/unknown.ts';
import { FunctionError } from '../../../../src/loaders/terraform/functions/types.ts';
import type { Value } from '../../../../src/loaders/terraform/types.ts';
import { callFunction } from './call-function.ts';

describe('encoding functions', () => {
  it.each<[string, Value[], Value]>([
    ['jsonencode', [{ hello: 'world' }], '{"hello":"world"}'],
    ['jsonencode', [{ b: [1, true, null], a: 'x' }], '{"a":"x","b":[1,true,null]}'],
    ['jsonencode', ['<b>&'], '"\\u003cb\\u003e\\u0026"'],
    ['jsondecode', ['{"hello": "world"}'], { hello: 'world' }],
    ['jsondecode', ['true'], true],
    ['yamldecode', ['hello: world'], { hello: 'world' }],
    ['yamldecode', ['true'], true],
    ['yamldecode', ['{a: &foo [1, 2, 3], b: *foo}'], { a: [1, 2, 3], b: [1, 2, 3] }],
    ['yamldecode', ['ports:\n  - 22\n  - "3389"\n'], { ports: [22, '3389'] }],
    ['yamldecode', [''], null],
    ['base64encode', ['Hello World'], 'SGVsbG8gV29ybGQ='],
    ['base64decode', ['SGVsbG8gV29ybGQ='], 'Hello World'],
    ['urlencode', ['Hello World!'], 'Hello+World%21'],
    ['urlencode', ['☃'], '%E2%98%83'],
    ['urlencode', ['foo:bar@localhost?foo=bar&bar=baz'], 'foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz'],
    ['md5', ['hello world'], '5eb63bbbe01eeed093cb22bb8f5acdc3'],
    ['sha256', ['hello world'], 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'],
    ['base64sha256', ['hello world'], 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek='],
  ])('%s(%j) is %j', (name, args, expected) => {
    expect(callFunction(name, ...args)).toEqual(expected);
  });

  it('round-trips yamlencode through yamldecode', () => {
    const value = { name: 'web', ports: [22, 443], public: false };
    const encoded = callFunction('yamlencode', value);
    expect(callFunction('yamldecode', encoded)).toEqual(value);
  });

  it.each(['uuid', 'timestamp'])('returns Unknown from %s', (name) => {
    const result = callFunction(name);
    expect(isUnknown(result)).toBe(true);
  });

  it.each<[string, Value[], string]>([
    ['jsondecode', ['{bad'], 'not valid JSON'],
    ['yamldecode', ['a: [1, 2'], 'not valid YAML'],
    ['yamldecode', ['a: 1\n---\nb: 2\n'], '2 YAML documents'],
    ['base64decode', ['not base64!'], 'not valid base64'],
    ['base64decode', ['/w=='], 'not valid UTF-8'],
  ])('%s(%j) fails naming %s', (name, args, fragment) => {
    expect(() => callFunction(name, ...args)).toThrow(FunctionError);
    expect(() => callFunction(name, ...args)).toThrow(fragment);
  });
});
