import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../../src/loaders/terraform/functions/index.ts';
import { FunctionError } from '../../../../src/loaders/terraform/functions/types.ts';
import type { Value } from '../../../../src/loaders/terraform/types.ts';
import { Unknown, isUnknown } from '../../../../src/model/unknown.ts';
import { callFunction, fileContext } from './call-function.ts';

const TEMPLATE = '%{ for addr in ip_addrs ~}\nbackend ${addr}:${port}\n%{ endfor ~}\n';

let moduleDir: string;

beforeAll(() => {
  moduleDir = mkdtempSync(join(tmpdir(), 'zoneguard-functions-'));
  writeFileSync(join(moduleDir, 'hello.txt'), 'Hello World');
  writeFileSync(join(moduleDir, 'backends.tftpl'), TEMPLATE);
  mkdirSync(join(moduleDir, 'templates'));
});

afterAll(() => {
  rmSync(moduleDir, { recursive: true, force: true });
});

function callInModule(name: string, ...args: Value[]): Value {
  return FUNCTIONS[name]!(args, fileContext(moduleDir));
}

describe('file functions', () => {
  it('reads a file of the module', () => {
    expect(callInModule('file', 'hello.txt')).toBe('Hello World');
  });

  it('fails to read a missing file', () => {
    expect(() => callInModule('file', 'missing.txt')).toThrow(FunctionError);
  });

  it('reports whether a file exists', () => {
    expect(callInModule('fileexists', 'hello.txt')).toBe(true);
    expect(callInModule('fileexists', 'missing.txt')).toBe(false);
    expect(callInModule('fileexists', join(moduleDir, 'hello.txt'))).toBe(true);
  });

  it('rejects a directory in fileexists', () => {
    expect(() => callInModule('fileexists', 'templates')).toThrow('is a directory');
  });

  it('passes template text and variables to the renderer', () => {
    const context = fileContext(moduleDir);
    const variables = { port: 8080, ip_addrs: ['10.0.0.1', new Unknown('computed', 'aws_instance.b.private_ip')] };
    const result = FUNCTIONS.templatefile!(['backends.tftpl', variables], context);
    expect(result).toBe(`rendered ${TEMPLATE.length} characters`);
    expect(context.renders).toEqual([
      { text: TEMPLATE, variables },
    ]);
  });

  it('rejects templatefile variables that are not a map', () => {
    expect(() => callInModule('templatefile', 'backends.tftpl', ['a'])).toThrow('vars');
  });

  it('returns Unknown for an unknown path', () => {
    const result = callInModule('file', new Unknown('an input variable with no value', 'var.path'));
    expect(isUnknown(result)).toBe(true);
  });

  it('resolves abspath against the module folder', () => {
    expect(callInModule('abspath', 'hello.txt')).toBe(join(moduleDir, 'hello.txt').replace(/\\/g, '/'));
  });

  it.each<[string, string, string]>([
    ['basename', 'foo/bar/baz.txt', 'baz.txt'],
    ['basename', 'foo/bar/', 'bar'],
    ['basename', '/', '/'],
    ['basename', '', '.'],
    ['dirname', 'foo/bar/baz.txt', 'foo/bar'],
    ['dirname', 'foo', '.'],
    ['dirname', '/foo', '/'],
  ])('%s(%j) is %j', (name, path, expected) => {
    expect(callFunction(name, path)).toBe(expected);
  });
});
