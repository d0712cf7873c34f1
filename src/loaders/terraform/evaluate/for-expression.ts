import { isUnknown } from '../../../model/unknown.ts';
import type { Expression } from '../ast.ts';
import type { Value } from '../types.ts';
import { iterationEntries } from './collections.ts';
import { type Scope, withBindings } from './scope.ts';
import { convertToBool, convertToString, typeName } from './values.ts';

type ForExpression = Extract<Expression, { kind: 'for' }>;
type Evaluate = (expression: Expression, scope: Scope) => Value;

/**
 * `[for k, v in coll : value if cond]` and `{for k, v in coll : key => value}`,
 * with `...` grouping. An Unknown collection, condition or key makes the
 * whole result Unknown, because its shape then cannot be known.
 */
export function evaluateFor(expression: ForExpression, scope: Scope, evaluate: Evaluate): Value {
  const collection = evaluate(expression.collection, scope);
  if (isUnknown(collection)) return collection;
  const entries = iterationEntries(collection);
  if (!entries) {
    return scope.evaluation.fail(expression.collection.location, `A for expression needs a collection, but got a ${typeName(collection)}.`);
  }
  const tuple: Value[] = [];
  const object: Record<string, Value> = {};
  for (const [key, value] of entries) {
    const names: Record<string, Value> = { [expression.valueVariable]: value };
    if (expression.keyVariable) names[expression.keyVariable] = key;
    const inner = withBindings(scope, names);
    const included = includes(expression, inner, evaluate);
    if (included !== true) {
      if (included === false) continue;
      return included;
    }
    if (expression.result === 'tuple') {
      tuple.push(evaluate(expression.value, inner));
      continue;
    }
    const failure = addObjectItem(expression, inner, object, evaluate);
    if (failure !== undefined) return failure;
  }
  return expression.result === 'tuple' ? tuple : object;
}

/** True, false, or the Unknown or failure that stops the whole expression. */
function includes(expression: ForExpression, scope: Scope, evaluate: Evaluate): boolean | Value {
  if (!expression.condition) return true;
  const condition = evaluate(expression.condition, scope);
  if (isUnknown(condition)) return condition;
  const decided = convertToBool(condition);
  if (decided !== undefined) return decided;
  return scope.evaluation.fail(expression.condition.location, `The if clause of a for expression needs a bool, but got a ${typeName(condition)}.`);
}

/** Adds one `key => value` pair; returns a value only when the expression must stop. */
function addObjectItem(expression: ForExpression, scope: Scope, object: Record<string, Value>, evaluate: Evaluate): Value | undefined {
  const keyExpression = expression.key as Expression;
  const key = evaluate(keyExpression, scope);
  if (isUnknown(key)) return key;
  const name = convertToString(key);
  if (name === undefined) {
    return scope.evaluation.fail(keyExpression.location, `A for expression key must be a string, but got a ${typeName(key)}.`);
  }
  const value = evaluate(expression.value, scope);
  const exists = Object.prototype.hasOwnProperty.call(object, name);
  if (expression.grouping) {
    if (exists) (object[name] as Value[]).push(value);
    else object[name] = [value];
    return undefined;
  }
  if (exists) {
    return scope.evaluation.fail(expression.location, `The key ${JSON.stringify(name)} appears twice in a for expression; add ... after the value to group them.`);
  }
  object[name] = value;
  return undefined;
}
