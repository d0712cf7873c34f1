import { createHash } from 'node:crypto';
import { CORE_SCHEMA, dump, loadAll } from 'js-yaml';
import { Unknown } from '../../../model/unknown.ts';
import type { Value } from '../types.ts';
import { defineFunction } from './call.ts';
import { encodeJson } from './json.ts';
import { FunctionError, type TerraformFunction } from './types.ts';
import { isRecord } from './values.ts';

const jsonencode = defineFunction('jsonencode', { params: ['val'] }, (call) =>
  encodeJson(call.deepValue(0)),
);

const jsondecode = defineFunction('jsondecode', { params: ['str'] }, (call) => {
  const text = call.string(0);
  try {
    return JSON.parse(text) as Value;
  } catch (error) {
    return call.fail(0, `the text is not valid JSON (${(error as Error).message})`);
  }
});

/**
 * Decodes one YAML document with the YAML 1.2 core schema, as Terraform does.
 * Text without a document decodes to null.
 */
const yamldecode = defineFunction('yamldecode', { params: ['src'] }, (call) => {
  const text = call.string(0);
  let documents: unknown[];
  try {
    documents = loadAll(text, { schema: CORE_SCHEMA });
  } catch (error) {
    return call.fail(0, `the text is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (documents.length > 1) call.fail(0, `the text has ${documents.length} YAML documents, not one`);
  return toValue(documents[0] ?? null, 'yamldecode');
});

const yamlencode = defineFunction('yamlencode', { params: ['value'] }, (call) =>
  dump(call.deepValue(0), { schema: CORE_SCHEMA }),
);

function toValue(decoded: unknown, functionName: string): Value {
  if (decoded === null || ['string', 'number', 'boolean'].includes(typeof decoded)) {
    return decoded as Value;
  }
  if (Array.isArray(decoded)) return decoded.map((item) => toValue(item, functionName));
  if (typeof decoded === 'object' && Object.getPrototypeOf(decoded) === Object.prototype) {
    const entries = Object.entries(decoded as object).map(([k, v]) => [k, toValue(v, functionName)]);
    return Object.fromEntries(entries) as Value;
  }
  throw new FunctionError(`${functionName}() produced a value Terraform has no type for: ${String(decoded)}.`);
}

const base64encode = defineFunction('base64encode', { params: ['str'] }, (call) =>
  Buffer.from(call.string(0), 'utf8').toString('base64'),
);

const base64decode = defineFunction('base64decode', { params: ['str'] }, (call) => {
  const text = call.string(0);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    call.fail(0, `${JSON.stringify(text)} is not valid base64`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
  } catch {
    return call.fail(0, 'the decoded bytes are not valid UTF-8');
  }
});

/** Escapes like Go's url.QueryEscape: space becomes `+`, only `A-Za-z0-9-_.~` stay as they are. */
const urlencode = defineFunction('urlencode', { params: ['str'] }, (call) =>
  encodeURIComponent(call.string(0))
    .replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+'),
);

function hashFunction(name: string, algorithm: string, encoding: 'hex' | 'base64'): TerraformFunction {
  return defineFunction(name, { params: ['str'] }, (call) =>
    createHash(algorithm).update(call.string(0), 'utf8').digest(encoding),
  );
}

/** A function whose result changes on every run, so a scan can never know it. */
function changesEveryRun(name: string): TerraformFunction {
  return defineFunction(name, { params: [] }, () => {
    return new Unknown(`${name}() returns a new value on every Terraform run`, `${name}()`);
  });
}

export const ENCODING_FUNCTIONS: Record<string, TerraformFunction> = {
  base64decode,
  base64encode,
  base64sha256: hashFunction('base64sha256', 'sha256', 'base64'),
  base64sha512: hashFunction('base64sha512', 'sha512', 'base64'),
  jsondecode,
  jsonencode,
  md5: hashFunction('md5', 'md5', 'hex'),
  sha1: hashFunction('sha1', 'sha1', 'hex'),
  sha256: hashFunction('sha256', 'sha256', 'hex'),
  sha512: hashFunction('sha512', 'sha512', 'hex'),
  timestamp: changesEveryRun('timestamp'),
  urlencode,
  uuid: changesEveryRun('uuid'),
  yamldecode,
  yamlencode,
};

