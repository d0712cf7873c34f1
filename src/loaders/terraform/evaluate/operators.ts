import type { SourceLocation } from '../../../model/location.ts';
import { isUnknown } from '../../../model/unknown.ts';
import type { Expression } from '../ast.ts';
import type { Value } from '../types.ts';
import { materialize } from './lazy.ts';
import type { Scope } from './scope.ts';
import { convertToBool, convertToNumber, findUnknown, typeName, valuesEqual } from './values.ts';

type BinaryOperator = Extract<Expression, { kind: 'binary' }>['operator'];

/**
 * Applies a binary operator with Terraform's conversions: arithmetic and
 * comparison convert operands to numbers, logic converts them to bools, and
 * equality compares without conversion. An Unknown operand gives an Unknown,
 * except where the known side already decides `&&` or `||`.
 */
export function applyBinary(
  operator: BinaryOperator,
  left: Value,
  right: Value,
  location: SourceLocation,
  scope: Scope,
): Value {
  if (operator === '&&' || operator === '||') return applyLogic(operator, left, right, location, scope);
  if (operator === '==' || operator === '!=') return applyEquality(operator, left, right);
  if (isUnknown(left)) return left;
  if (isUnknown(right)) return right;
  const a = numberOperand(left, operator, location, scope);
  const b = numberOperand(right, operator, location, scope);
  if (isUnknown(a)) return a;
  if (isUnknown(b)) return b;
  return applyArithmetic(operator, a, b, location, scope);
}

function applyArithmetic(operator: BinaryOperator, a: number, b: number, location: SourceLocation, scope: Scope): Value {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? scope.evaluation.fail(location, 'Division by zero.') : a / b;
    case '%':
      return b === 0 ? scope.evaluation.fail(location, 'Modulo by zero.') : a % b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function applyEquality(operator: '==' | '!=', left: Value, right: Value): Value {
  if (isUnknown(left)) return left;
  if (isUnknown(right)) return right;
  const a = materialize(left);
  const b = materialize(right);
  const equal = valuesEqual(a, b);
  if (equal === undefined) return (findUnknown(a) ?? findUnknown(b)) as Value;
  return operator === '==' ? equal : !equal;
}

function applyLogic(operator: '&&' | '||', left: Value, right: Value, location: SourceLocation, scope: Scope): Value {
  const a = isUnknown(left) ? left : boolOperand(left, operator, location, scope);
  const b = isUnknown(right) ? right : boolOperand(right, operator, location, scope);
  const decisive = operator === '||';
  if (a === decisive || b === decisive) return decisive;
  if (isUnknown(a)) return a;
  if (isUnknown(b)) return b;
  return decisive ? a || b : a && b;
}

/** Evaluates `!x` and `-x`. */
export function applyUnary(
  operator: '!' | '-',
  operand: Value,
  location: SourceLocation,
  scope: Scope,
): Value {
  if (isUnknown(operand)) return operand;
  if (operator === '!') {
    const value = boolOperand(operand, operator, location, scope);
    return isUnknown(value) ? value : !value;
  }
  const value = numberOperand(operand, operator, location, scope);
  return isUnknown(value) ? value : -value;
}

function numberOperand(value: Value, operator: string, location: SourceLocation, scope: Scope) {
  const number = convertToNumber(value);
  if (number !== undefined) return number;
  return scope.evaluation.fail(location, `The operator ${operator} needs a number, but got ${describe(value)}.`);
}

function boolOperand(value: Value, operator: string, location: SourceLocation, scope: Scope) {
  const bool = convertToBool(value);
  if (bool !== undefined) return bool;
  return scope.evaluation.fail(location, `The operator ${operator} needs a bool, but got ${describe(value)}.`);
}

function describe(value: Value): string {
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `a ${typeName(value)}`;
}
