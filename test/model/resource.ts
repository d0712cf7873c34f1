import type {
  EvaluatedBlock,
  EvaluatedBody,
  ResourceInstance,
  Value,
} from '../../src/loaders/terraform/types.ts';
import type { SourceLocation } from '../../src/model/location.ts';
import { Unknown } from '../../src/model/unknown.ts';

/**
 * Builds resource instances from plain objects for model tests. Each attribute
 * and block gets its own line in `main.tf`, counted from the resource's line,
 * so that tests can check which line a diagnostic points at.
 */

const BLOCKS = Symbol('blocks');
interface BlockList {
  [BLOCKS]: Array<Record<string, unknown>>;
}

/** Nested blocks: `ingress: blocks({ ... }, { ... })`. */
export function blocks(...bodies: Array<Record<string, unknown>>): BlockList {
  return { [BLOCKS]: bodies };
}

/** A provider-computed attribute of another resource, as the loader yields it. */
export function ref(address: string, attribute = 'id'): Unknown {
  return new Unknown('computed by the provider', `${address}.${attribute}`, { address, attribute });
}

export function lineOf(line: number, file = 'main.tf'): SourceLocation {
  return { file, range: { startLine: line, startColumn: 1, endLine: line, endColumn: 40 } };
}

export function resource(
  address: string,
  attributes: Record<string, unknown>,
  options: { line?: number; moduleCalls?: string[]; mode?: 'managed' | 'data' } = {},
): ResourceInstance {
  const parsed = /(?:^|\.)([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[(.+)\])?$/.exec(address);
  if (parsed === null) throw new Error(`bad address ${address}`);
  const counter = { line: options.line ?? 1 };
  const location = lineOf(counter.line);
  counter.line++;
  const instance: ResourceInstance = {
    address,
    mode: options.mode ?? 'managed',
    type: parsed[1]!,
    name: parsed[2]!,
    moduleCalls: options.moduleCalls ?? [],
    location,
    body: bodyOf(attributes, counter),
  };
  if (parsed[3] !== undefined) instance.key = JSON.parse(parsed[3]) as string | number;
  return instance;
}

function bodyOf(attributes: Record<string, unknown>, counter: { line: number }): EvaluatedBody {
  const body: EvaluatedBody = { attributes: {}, blocks: [] };
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'object' && value !== null && BLOCKS in value) {
      for (const nestedBody of (value as BlockList)[BLOCKS]) body.blocks.push(blockOf(name, nestedBody, counter));
      continue;
    }
    const location = lineOf(counter.line++);
    const entry: EvaluatedBody['attributes'][string] = { value: value as Value, location };
    if (Array.isArray(value)) entry.elementLocations = value.map(() => location);
    body.attributes[name] = entry;
  }
  return body;
}

function blockOf(type: string, attributes: Record<string, unknown>, counter: { line: number }): EvaluatedBlock {
  const location = lineOf(counter.line++);
  return { type, labels: [], location, body: bodyOf(attributes, counter) };
}
