import { isUnknown, Unknown } from '../../../model/unknown.ts';
import type { Expression } from '../ast.ts';
import { FunctionError } from '../functions/types.ts';
import type { Value } from '../types.ts';
import { EvaluationError } from './evaluation.ts';
import { materialize } from './lazy.ts';
import type { Scope } from './scope.ts';
import { firstUnknown, typeName } from './values.ts';

type Call = Extract<Expression, { kind: 'call' }>;
type Evaluate = (expression: Expression, scope: Scope) => Value;

/**
 * Calls a built-in function. `try` and `can` are evaluated here because they
 * need their arguments unevaluated; every other function gets evaluated,
 * plain arguments and is not called when one of them is wholly Unknown.
 */
export function callFunction(call: Call, scope: Scope, evaluate: Evaluate): Value {
  if (call.name === 'try') return evaluateTry(call, scope, evaluate);
  if (call.name === 'can') return evaluateCan(call, scope, evaluate);
  const name = call.name.startsWith('core::') ? call.name.slice('core::'.length) : call.name;
  const implementation = scope.evaluation.functions[name];
  if (!implementation) {
    scope.evaluation.warn(call.location, `The function ${name}() is not supported, so values computed with it are unknown.`);
    return new Unknown(`computed with the unsupported function ${name}()`, `${name}()`);
  }
  const args = evaluateArguments(call, scope, evaluate);
  if (isUnknown(args)) return args;
  const unknown = firstUnknown(...args);
  if (unknown) return unknown;
  try {
    return implementation(args, scope.names.functionContext);
  } catch (error) {
    if (error instanceof EvaluationError) throw error;
    const reason = error instanceof FunctionError ? error.message : `failed unexpectedly (${String(error)})`;
    return scope.evaluation.fail(call.location, `${name}(): ${reason}`, `${name}()`);
  }
}

function evaluateArguments(call: Call, scope: Scope, evaluate: Evaluate): Value[] | Unknown {
  const args = call.args.map((argument) => materialize(evaluate(argument, scope)));
  if (!call.expandFinal) return args;
  const last = args.pop() as Value;
  if (isUnknown(last)) return last;
  if (!Array.isArray(last)) {
    return scope.evaluation.fail(call.location, `The argument expanded with ... must be a list, but got a ${typeName(last)}.`);
  }
  return [...args, ...last];
}

/**
 * `try(a, b, ...)`: the first argument that evaluates without an error. An
 * Unknown first success is returned as it is, because Terraform cannot yet
 * tell whether it would fail.
 */
function evaluateTry(call: Call, scope: Scope, evaluate: Evaluate): Value {
  for (const argument of call.args) {
    try {
      return scope.evaluation.attempt(() => materialize(evaluate(argument, scope)));
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
    }
  }
  return scope.evaluation.fail(call.location, 'No argument of try() could be evaluated without an error.');
}

/** `can(a)`: true when `a` evaluates without an error, Unknown when `a` is Unknown. */
function evaluateCan(call: Call, scope: Scope, evaluate: Evaluate): Value {
  const [argument] = call.args;
  if (!argument || call.args.length > 1) {
    return scope.evaluation.fail(call.location, 'can() takes exactly one argument.');
  }
  try {
    const value = scope.evaluation.attempt(() => materialize(evaluate(argument, scope)));
    return isUnknown(value) ? value : true;
  } catch (error) {
    if (error instanceof EvaluationError) return false;
    throw error;
  }
}
