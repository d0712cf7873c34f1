import type {
  EvaluatedAttribute,
  EvaluatedBody,
  ResourceInstance,
  Value,
} from '../../loaders/terraform/types.ts';
import type { Origin, SourceLocation } from '../location.ts';
import { isUnknown, Unknown, type Known } from '../unknown.ts';

/**
 * Accessors over an evaluated resource body that every provider mapping uses.
 * Terraform's null means "not set", so every reader treats it as absent.
 */

/** The attribute `name`, or undefined when it is missing or null. */
export function attr(body: EvaluatedBody, name: string): EvaluatedAttribute | undefined {
  const found = body.attributes[name];
  if (found === undefined || found.value === null) return undefined;
  return found;
}

/** A nested block, or one object of an attribute list of objects, with its path. */
export interface NestedBody {
  body: EvaluatedBody;
  location: SourceLocation;
  /** Path from the resource: `ingress[1]`, `network_interfaces[0]`. */
  path: string;
}

/**
 * The nested blocks named `name`, in order. HCL also allows `ingress = [{...}]`,
 * and JSON configuration yields either form, so an attribute holding a list of
 * objects (or one object) is read the same way.
 */
export function nested(body: EvaluatedBody, name: string, parentPath = ''): NestedBody[] {
  const prefix = parentPath === '' ? name : `${parentPath}.${name}`;
  const blocks = body.blocks.filter((block) => block.type === name);
  if (blocks.length > 0) {
    return blocks.map((block, i) => ({
      body: block.body,
      location: block.location,
      path: `${prefix}[${i}]`,
    }));
  }
  return nestedFromAttribute(attr(body, name), prefix);
}

function nestedFromAttribute(found: EvaluatedAttribute | undefined, prefix: string): NestedBody[] {
  if (found === undefined) return [];
  const items = Array.isArray(found.value) ? found.value : [found.value];
  const result: NestedBody[] = [];
  items.forEach((item, i) => {
    if (!isObjectValue(item)) return;
    const location = found.elementLocations?.[i] ?? found.location;
    result.push({ body: bodyOfObject(item, location), location, path: `${prefix}[${i}]` });
  });
  return result;
}

/** Wraps an object value as a body whose attributes all point at `location`. */
function bodyOfObject(value: { [key: string]: Value }, location: SourceLocation): EvaluatedBody {
  const attributes: Record<string, EvaluatedAttribute> = {};
  for (const [key, item] of Object.entries(value)) attributes[key] = { value: item, location };
  return { attributes, blocks: [] };
}

export function isObjectValue(value: Value | undefined): value is { [key: string]: Value } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value)
  );
}

/** Converts a value to a string the way Terraform does: numbers and bools convert. */
export function toStr(value: Value): Known<string> | undefined {
  if (value === null) return undefined;
  if (isUnknown(value)) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return new Unknown('a list or object where a string is expected', JSON.stringify(value));
}

/** Converts a value to a number the way Terraform does: `"5"` is 5. */
export function toNum(value: Value): Known<number> | undefined {
  if (value === null) return undefined;
  if (isUnknown(value)) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return new Unknown('not a number', JSON.stringify(value));
}

/** Converts a value to a bool the way Terraform does: only `"true"` and `"false"` convert. */
export function toBool(value: Value): Known<boolean> | undefined {
  if (value === null) return undefined;
  if (isUnknown(value)) return value;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return new Unknown('not a boolean', JSON.stringify(value));
}

export function str(body: EvaluatedBody, name: string): Known<string> | undefined {
  const found = attr(body, name);
  return found === undefined ? undefined : toStr(found.value);
}

export function num(body: EvaluatedBody, name: string): Known<number> | undefined {
  const found = attr(body, name);
  return found === undefined ? undefined : toNum(found.value);
}

export function bool(body: EvaluatedBody, name: string): Known<boolean> | undefined {
  const found = attr(body, name);
  return found === undefined ? undefined : toBool(found.value);
}

/** A string attribute only when it is known; for names and descriptions. */
export function knownStr(body: EvaluatedBody, name: string): string | undefined {
  const value = str(body, name);
  return typeof value === 'string' ? value : undefined;
}

/** One element of a list attribute (or the single value), with its own location. */
export interface Element {
  value: Value;
  location: SourceLocation;
  index: number;
}

/**
 * The elements of a list attribute. A single value counts as a one-element list;
 * an unknown list is one unknown element, so callers never lose it.
 */
export function elements(body: EvaluatedBody, name: string): Element[] {
  const found = attr(body, name);
  if (found === undefined) return [];
  if (!Array.isArray(found.value)) {
    return [{ value: found.value, location: found.location, index: 0 }];
  }
  return found.value
    .map((value, index) => ({
      value,
      location: found.elementLocations?.[index] ?? found.location,
      index,
    }))
    .filter((element) => element.value !== null);
}

/** Tags with known string values; computed tag values are left out. */
export function tags(body: EvaluatedBody, name = 'tags'): Record<string, string> {
  const found = attr(body, name);
  const result: Record<string, string> = {};
  if (found === undefined || !isObjectValue(found.value)) return result;
  for (const [key, value] of Object.entries(found.value)) {
    const text = toStr(value);
    if (typeof text === 'string') result[key] = text;
  }
  return result;
}

/**
 * The origin of a model object made from `instance`. Every attribute and nested
 * block of the body is recorded by path (`cidr_block`, `ingress[1]`,
 * `ingress[1].cidr_blocks`, `ingress[1].cidr_blocks[0]`); `extraPaths` adds or
 * overrides entries.
 */
export function origin(
  instance: ResourceInstance,
  extraPaths: Record<string, SourceLocation> = {},
): Origin {
  const attributes: Record<string, SourceLocation> = {};
  recordBody(instance.body, '', attributes);
  Object.assign(attributes, extraPaths);
  const result: Origin = {
    address: instance.address,
    location: instance.location,
    attributes,
    moduleCalls: [...instance.moduleCalls],
  };
  if (instance.constructPath !== undefined) result.constructPath = instance.constructPath;
  return result;
}

function recordBody(body: EvaluatedBody, prefix: string, into: Record<string, SourceLocation>): void {
  const join = (name: string): string => (prefix === '' ? name : `${prefix}.${name}`);
  for (const [name, attribute] of Object.entries(body.attributes)) {
    into[join(name)] = attribute.location;
    attribute.elementLocations?.forEach((location, i) => {
      into[`${join(name)}[${i}]`] = location;
    });
  }
  const counts = new Map<string, number>();
  for (const block of body.blocks) {
    const index = counts.get(block.type) ?? 0;
    counts.set(block.type, index + 1);
    const path = `${join(block.type)}[${index}]`;
    into[path] = block.location;
    recordBody(block.body, path, into);
  }
}
