import type { SourceLocation } from '../../../model/location.ts';
import { isUnknown, Unknown } from '../../../model/unknown.ts';
import type { Expression } from '../ast.ts';
import type { Value } from '../types.ts';
import { callFunction } from './calls.ts';
import { EvaluationError } from './evaluation.ts';
import { evaluateFor } from './for-expression.ts';
import { isLazy, materialize } from './lazy.ts';
import { applyBinary, applyUnary } from './operators.ts';
import type { Scope } from './scope.ts';
import { renderTemplate } from './template.ts';
import { stepInto } from './unknowns.ts';
import { convertToBool, convertToNumber, convertToString, isObject, typeName, valuesEqual } from './values.ts';

/** Evaluates one expression in `scope`. Failures become diagnostics and Unknowns (see `Evaluation.fail`). */
export function evaluate(expression: Expression, scope: Scope): Value {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'template':
      return renderTemplate(expression.parts, expression.location, scope, evaluate);
    case 'tuple':
      return expression.items.map((item) => evaluate(item, scope));
    case 'object':
      return evaluateObject(expression, scope);
    case 'variable':
      return resolveName(expression.name, expression.location, scope);
    case 'getattr':
      return getAttribute(evaluate(expression.object, scope), expression.name, expression.location, scope);
    case 'index':
      return evaluateIndex(expression, scope);
    case 'splat':
      return evaluateSplat(expression, scope);
    case 'splat-item':
      return scope.splatItem ?? scope.evaluation.fail(expression.location, 'A splat item is used outside a splat expression.');
    case 'call':
      return callFunction(expression, scope, evaluate);
    case 'conditional':
      return evaluateConditional(expression, scope);
    case 'binary':
      return applyBinary(
        expression.operator,
        evaluate(expression.left, scope),
        evaluate(expression.right, scope),
        expression.location,
        scope,
      );
    case 'unary':
      return applyUnary(expression.operator, evaluate(expression.operand, scope), expression.location, scope);
    case 'for':
      return evaluateFor(expression, scope, evaluate);
    case 'invalid':
      return new Unknown('the parser could not read the expression', expression.text);
  }
}

function evaluateObject(expression: Extract<Expression, { kind: 'object' }>, scope: Scope): Value {
  const result: Record<string, Value> = {};
  for (const item of expression.items) {
    const key = objectKey(item.key, scope);
    if (isUnknown(key)) return key;
    result[key] = evaluate(item.value, scope);
  }
  return result;
}

/** A bare word in key position is the key itself, as in `{ Zone = "dmz" }`. */
function objectKey(expression: Expression, scope: Scope): string | Unknown {
  if (expression.kind === 'variable') return expression.name;
  const key = evaluate(expression, scope);
  if (isUnknown(key)) return key;
  const text = convertToString(key);
  if (text !== undefined) return text;
  return scope.evaluation.fail(expression.location, `An object key must be a string, but got a ${typeName(key)}.`);
}

function resolveName(name: string, location: SourceLocation, scope: Scope): Value {
  const bound = scope.bindings?.get(name);
  if (bound !== undefined) return bound;
  switch (name) {
    case 'each':
      if (scope.each) return { key: scope.each.key, value: scope.each.value };
      return scope.evaluation.fail(location, 'each.key and each.value can only be used in a block that sets for_each.');
    case 'count':
      if (scope.countIndex !== undefined) return { index: scope.countIndex };
      return scope.evaluation.fail(location, 'count.index can only be used in a block that sets count.');
    case 'self':
      return new Unknown('known only when the resource is created', 'self');
    default:
      return scope.names.resolveRoot(name, location);
  }
}

/** Reads `value.name`, from a plain object, a lazy object or through an Unknown. */
export function getAttribute(value: Value, name: string, location: SourceLocation, scope: Scope): Value {
  if (isUnknown(value)) return stepInto(value, name);
  if (isLazy(value)) return value.getAttribute(name, location);
  if (isObject(value)) {
    if (Object.prototype.hasOwnProperty.call(value, name)) return value[name] as Value;
    return scope.evaluation.fail(location, `This object does not have an attribute named "${name}".`);
  }
  if (value === null) return scope.evaluation.fail(location, `Cannot read the attribute "${name}" of a null value.`);
  return scope.evaluation.fail(location, `Cannot read the attribute "${name}" of a ${typeName(value)}.`);
}

function evaluateIndex(expression: Extract<Expression, { kind: 'index' }>, scope: Scope): Value {
  const collection = evaluate(expression.object, scope);
  const key = evaluate(expression.key, scope);
  if (isUnknown(collection)) return isUnknown(key) ? collection : stepInto(collection, keyStep(key));
  if (isUnknown(key)) return key;
  return indexValue(collection, key, expression.location, scope);
}

function keyStep(key: Value): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function indexValue(collection: Value, key: Value, location: SourceLocation, scope: Scope): Value {
  const fail = (message: string) => scope.evaluation.fail(location, message);
  if (Array.isArray(collection)) {
    const position = convertToNumber(key);
    if (position === undefined || !Number.isInteger(position)) return fail(`A list index must be a whole number, but got ${JSON.stringify(materialize(key))}.`);
    if (position < 0 || position >= collection.length) return fail(`The index ${position} is out of range for a list of ${collection.length} elements.`);
    return collection[position] as Value;
  }
  const name = convertToString(key);
  if (name === undefined) return fail(`A map key must be a string, but got a ${typeName(key)}.`);
  if (isLazy(collection)) return collection.getAttribute(name, location);
  if (isObject(collection)) {
    if (Object.prototype.hasOwnProperty.call(collection, name)) return collection[name] as Value;
    return fail(`The key ${JSON.stringify(name)} is not in this map.`);
  }
  return fail(`Cannot index a ${typeName(collection)} value.`);
}

/** `list[*].attr`: a null gives an empty list and a single value is treated as a list of one. */
function evaluateSplat(expression: Extract<Expression, { kind: 'splat' }>, scope: Scope): Value {
  const source = evaluate(expression.object, scope);
  if (isUnknown(source)) return source;
  if (source === null) return [];
  const items = Array.isArray(source) ? source : [source];
  return items.map((item) => evaluate(expression.each, { ...scope, splatItem: item }));
}

/**
 * `c ? a : b`. With an Unknown condition the result is known only when both
 * branches evaluate to the same known value.
 */
function evaluateConditional(expression: Extract<Expression, { kind: 'conditional' }>, scope: Scope): Value {
  const condition = evaluate(expression.condition, scope);
  if (isUnknown(condition)) return evaluateBothBranches(expression, condition, scope);
  const decided = convertToBool(condition);
  if (decided === undefined) {
    return scope.evaluation.fail(expression.location, `The condition must be a bool, but got a ${typeName(condition)}.`);
  }
  return evaluate(decided ? expression.then : expression.otherwise, scope);
}

function evaluateBothBranches(expression: Extract<Expression, { kind: 'conditional' }>, condition: Unknown, scope: Scope): Value {
  try {
    const then = materialize(scope.evaluation.attempt(() => evaluate(expression.then, scope)));
    const otherwise = materialize(scope.evaluation.attempt(() => evaluate(expression.otherwise, scope)));
    return valuesEqual(then, otherwise) === true ? then : condition;
  } catch (error) {
    if (error instanceof EvaluationError) return condition;
    throw error;
  }
}
