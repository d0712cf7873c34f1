import { isUnknown } from '../../../model/unknown.ts';
import type { Expression } from '../ast.ts';
import type { Value } from '../types.ts';
import { materialize } from './lazy.ts';
import { convertToBool, convertToNumber, convertToString, isObject, typeName, valuesEqual } from './values.ts';

/** A variable's `type` constraint. */
export type TypeConstraint =
  | { kind: 'any' | 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: TypeConstraint }
  | { kind: 'tuple'; elements: TypeConstraint[] }
  | { kind: 'object'; attributes: Record<string, ObjectAttribute> };

export interface ObjectAttribute {
  type: TypeConstraint;
  optional: boolean;
  /** The default of `optional(type, default)`, evaluated. */
  default?: Value;
}

const ANY: TypeConstraint = { kind: 'any' };
const PRIMITIVES = new Set(['any', 'string', 'number', 'bool']);

/**
 * Reads a type expression such as `map(object({ port = number }))`. The
 * legacy quoted forms `"string"`, `"list"` and `"map"` are accepted. Throws
 * an Error with a message for an expression that is not a type.
 */
export function parseTypeConstraint(expression: Expression, evaluateDefault: (e: Expression) => Value): TypeConstraint {
  if (expression.kind === 'variable' && PRIMITIVES.has(expression.name)) {
    return { kind: expression.name } as TypeConstraint;
  }
  if (expression.kind === 'template' && expression.parts.length === 1 && expression.parts[0]?.kind === 'literal') {
    return legacyType(expression.parts[0].text);
  }
  if (expression.kind !== 'call') throw new Error('The type is not a type expression such as string or list(string).');
  const [first] = expression.args;
  const parse = (e: Expression) => parseTypeConstraint(e, evaluateDefault);
  switch (expression.name) {
    case 'list':
    case 'set':
    case 'map':
      return { kind: expression.name, element: first ? parse(first) : ANY };
    case 'tuple':
      if (first?.kind !== 'tuple') throw new Error('tuple() takes a list of types.');
      return { kind: 'tuple', elements: first.items.map(parse) };
    case 'object':
      if (first?.kind !== 'object') throw new Error('object() takes an object of attribute types.');
      return { kind: 'object', attributes: parseAttributes(first, evaluateDefault) };
    default:
      throw new Error(`${expression.name}() is not a type constructor.`);
  }
}

function legacyType(text: string): TypeConstraint {
  if (text === 'list') return { kind: 'list', element: { kind: 'string' } };
  if (text === 'map') return { kind: 'map', element: { kind: 'string' } };
  if (text === 'string') return { kind: 'string' };
  throw new Error(`"${text}" is not a type.`);
}

function parseAttributes(expression: Extract<Expression, { kind: 'object' }>, evaluateDefault: (e: Expression) => Value): Record<string, ObjectAttribute> {
  const attributes: Record<string, ObjectAttribute> = {};
  for (const item of expression.items) {
    const name = item.key.kind === 'variable' ? item.key.name : String(evaluateDefault(item.key));
    const value = item.value;
    if (value.kind === 'call' && value.name === 'optional') {
      const [type, fallback] = value.args;
      if (!type) throw new Error('optional() needs a type.');
      const attribute: ObjectAttribute = { type: parseTypeConstraint(type, evaluateDefault), optional: true };
      if (fallback) attribute.default = evaluateDefault(fallback);
      attributes[name] = attribute;
    } else {
      attributes[name] = { type: parseTypeConstraint(value, evaluateDefault), optional: false };
    }
  }
  return attributes;
}

/** A value that cannot be converted to its variable's type; the message says why. */
export class ConversionError extends Error {
  override name = 'ConversionError';
}

/**
 * Converts a value to a type as Terraform does for variables: `"5"` to 5 for
 * a number, `"true"` to true for a bool, elements of collections, and object
 * attributes with optional defaults filled in. Unknown parts stay Unknown.
 */
export function convertToType(value: Value, type: TypeConstraint, path = ''): Value {
  value = materialize(value);
  if (isUnknown(value) || type.kind === 'any') return value;
  if (value === null) return null;
  switch (type.kind) {
    case 'string':
      return primitive(convertToString(value), value, 'string', path);
    case 'number':
      return primitive(convertToNumber(value), value, 'number', path);
    case 'bool':
      return primitive(convertToBool(value), value, 'bool', path);
    case 'list':
      return convertList(value, type.element, path);
    case 'set':
      return deduplicate(convertList(value, type.element, path));
    case 'map':
      return convertMap(value, type.element, path);
    case 'tuple':
      return convertTuple(value, type.elements, path);
    case 'object':
      return convertObject(value, type.attributes, path);
  }
}

function primitive<T>(converted: T | undefined, value: Value, name: string, path: string): T {
  if (converted !== undefined) return converted;
  throw new ConversionError(`${where(path)}a ${name} is required, but the value is a ${typeName(value)}.`);
}

function convertList(value: Value, element: TypeConstraint, path: string): Value[] {
  if (!Array.isArray(value)) throw new ConversionError(`${where(path)}a list is required, but the value is a ${typeName(value)}.`);
  return value.map((item, index) => convertToType(item, element, `${path}[${index}]`));
}

function deduplicate(items: Value[]): Value[] {
  const unique: Value[] = [];
  for (const item of items) if (!unique.some((seen) => valuesEqual(seen, item) === true)) unique.push(item);
  return unique;
}

function convertMap(value: Value, element: TypeConstraint, path: string): Value {
  if (!isObject(value)) throw new ConversionError(`${where(path)}a map is required, but the value is a ${typeName(value)}.`);
  const result: Record<string, Value> = {};
  for (const [key, item] of Object.entries(value)) result[key] = convertToType(item, element, `${path}[${JSON.stringify(key)}]`);
  return result;
}

function convertTuple(value: Value, elements: TypeConstraint[], path: string): Value {
  if (!Array.isArray(value) || value.length !== elements.length) {
    throw new ConversionError(`${where(path)}a tuple of ${elements.length} elements is required.`);
  }
  return value.map((item, index) => convertToType(item, elements[index] as TypeConstraint, `${path}[${index}]`));
}

function convertObject(value: Value, attributes: Record<string, ObjectAttribute>, path: string): Value {
  if (!isObject(value)) throw new ConversionError(`${where(path)}an object is required, but the value is a ${typeName(value)}.`);
  const result: Record<string, Value> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    const inner = path ? `${path}.${name}` : name;
    const given = Object.prototype.hasOwnProperty.call(value, name) ? (value[name] as Value) : undefined;
    if (given === undefined && !attribute.optional) throw new ConversionError(`the attribute "${inner}" is required.`);
    const chosen = given === undefined || given === null ? (attribute.default ?? null) : given;
    result[name] = convertToType(chosen, attribute.type, inner);
  }
  return result;
}

function where(path: string): string {
  return path ? `at ${path}, ` : '';
}
