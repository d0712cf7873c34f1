import type { SourceLocation } from '../../../model/location.ts';
import { isUnknown, Unknown } from '../../../model/unknown.ts';
import type { Block } from '../ast.ts';
import type { Value } from '../types.ts';
import { evaluate } from './expression.ts';
import { findAttribute } from './expansion.ts';
import type { Scope } from './scope.ts';
import { ConversionError, convertToType, parseTypeConstraint, type TypeConstraint } from './type-constraint.ts';

/**
 * The value given to an input variable from outside its module: a call
 * argument, a tfvars entry or a `--var` option, evaluated on demand. `none`
 * means no source set it; an Unknown means a source may have set it but
 * could not be read.
 */
export type GivenValue = { kind: 'none' } | { kind: 'given'; value: () => Value; location?: SourceLocation };

/** The source of the values of a module instance's input variables. */
export type VariableSource = (name: string) => GivenValue;

/**
 * Computes the value of an input variable: the given value, else the default,
 * converted to the declared type. With neither, the value is Unknown and the
 * variable is recorded as having no value.
 */
export function resolveVariable(declaration: Block, label: string, given: GivenValue, scope: Scope, defaultScope: Scope): Value {
  const name = declaration.labels[0] as string;
  const defaultAttribute = findAttribute(declaration, 'default');
  let value: Value;
  let location = given.kind === 'given' ? given.location : undefined;
  if (given.kind === 'given') value = given.value();
  else if (defaultAttribute) {
    value = evaluate(defaultAttribute.expression, defaultScope);
    location = defaultAttribute.location;
  } else {
    scope.evaluation.noteMissingVariable(label, declaration.location);
    return new Unknown('input variable has no value', `var.${name}`);
  }
  if (isUnknown(value)) return value;
  return convertVariable(declaration, label, value, location, defaultScope);
}

function convertVariable(declaration: Block, label: string, value: Value, location: SourceLocation | undefined, scope: Scope): Value {
  const type = declaredType(declaration, scope);
  if (!type) return value;
  try {
    return convertToType(value, type);
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    return scope.evaluation.fail(location ?? declaration.location, `The value of ${label} does not match its type: ${error.message}`, label);
  }
}

const typeCache = new WeakMap<Block, TypeConstraint | null>();

/** Parses the `type` of a variable declaration once; undefined when it has none or it is invalid. */
export function declaredType(declaration: Block, scope: Scope): TypeConstraint | undefined {
  const cached = typeCache.get(declaration);
  if (cached !== undefined) return cached ?? undefined;
  const attribute = findAttribute(declaration, 'type');
  let type: TypeConstraint | null = null;
  if (attribute) {
    try {
      type = parseTypeConstraint(attribute.expression, (expression) => evaluate(expression, scope));
    } catch (error) {
      scope.evaluation.warn(attribute.location, `The type of var.${declaration.labels[0]} could not be read (${(error as Error).message}); its value is used unconverted.`);
    }
  }
  typeCache.set(declaration, type);
  return type ?? undefined;
}
