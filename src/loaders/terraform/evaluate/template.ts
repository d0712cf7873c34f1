import type { SourceLocation } from '../../../model/location.ts';
import { isUnknown, type Unknown } from '../../../model/unknown.ts';
import type { Expression, TemplatePart } from '../ast.ts';
import type { Value } from '../types.ts';
import { iterationEntries } from './collections.ts';
import { isLazy } from './lazy.ts';
import { type Scope, withBindings } from './scope.ts';
import { convertToBool, convertToString, typeName } from './values.ts';

type Evaluate = (expression: Expression, scope: Scope) => Value;

/**
 * Renders a string template. A template that is only one interpolation,
 * `"${var.list}"`, returns the value itself unconverted, as HCL does; this
 * matters for JSON configuration where every string is a template.
 */
export function renderTemplate(parts: TemplatePart[], location: SourceLocation, scope: Scope, evaluate: Evaluate): Value {
  const [only] = parts;
  if (parts.length === 1 && only?.kind === 'interpolation') return evaluate(only.expression, scope);
  const output: string[] = [];
  const unknown = renderParts(parts, location, scope, evaluate, output);
  return unknown ?? output.join('');
}

/** Appends the rendered text of `parts` to `output`; returns an Unknown that spoils the result. */
function renderParts(parts: TemplatePart[], location: SourceLocation, scope: Scope, evaluate: Evaluate, output: string[]): Unknown | undefined {
  for (const part of parts) {
    const unknown = renderPart(part, location, scope, evaluate, output);
    if (unknown) return unknown;
  }
  return undefined;
}

function renderPart(part: TemplatePart, location: SourceLocation, scope: Scope, evaluate: Evaluate, output: string[]): Unknown | undefined {
  switch (part.kind) {
    case 'literal':
      output.push(part.text);
      return undefined;
    case 'interpolation':
      return interpolate(evaluate(part.expression, scope), part.expression.location, scope, output);
    case 'if':
      return renderIf(part, location, scope, evaluate, output);
    case 'for':
      return renderFor(part, location, scope, evaluate, output);
  }
}

function interpolate(value: Value, location: SourceLocation, scope: Scope, output: string[]): Unknown | undefined {
  if (isUnknown(value)) return value;
  const text = isLazy(value) ? undefined : convertToString(value);
  if (text !== undefined) {
    output.push(text);
    return undefined;
  }
  const what = value === null ? 'a null value' : `a ${typeName(value)}`;
  return scope.evaluation.fail(location, `A string template cannot include ${what}.`);
}

function renderIf(part: Extract<TemplatePart, { kind: 'if' }>, location: SourceLocation, scope: Scope, evaluate: Evaluate, output: string[]): Unknown | undefined {
  const condition = evaluate(part.condition, scope);
  if (isUnknown(condition)) return condition;
  const decided = convertToBool(condition);
  if (decided === undefined) {
    return scope.evaluation.fail(part.condition.location, `A template %{if} needs a bool, but got a ${typeName(condition)}.`);
  }
  return renderParts(decided ? part.then : part.otherwise, location, scope, evaluate, output);
}

function renderFor(part: Extract<TemplatePart, { kind: 'for' }>, location: SourceLocation, scope: Scope, evaluate: Evaluate, output: string[]): Unknown | undefined {
  const collection = evaluate(part.collection, scope);
  if (isUnknown(collection)) return collection;
  const entries = iterationEntries(collection);
  if (!entries) {
    return scope.evaluation.fail(part.collection.location, `A template %{for} needs a collection, but got a ${typeName(collection)}.`);
  }
  for (const [key, value] of entries) {
    const names: Record<string, Value> = { [part.valueVariable]: value };
    if (part.keyVariable) names[part.keyVariable] = key;
    const unknown = renderParts(part.body, location, withBindings(scope, names), evaluate, output);
    if (unknown) return unknown;
  }
  return undefined;
}
