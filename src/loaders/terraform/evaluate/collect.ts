import type { Diagnostic } from '../../../diagnostics.ts';
import type { ResourceInstance, TerraformLoadResult } from '../types.ts';
import type { Evaluation } from './evaluation.ts';
import { dependencyOrder } from './dependency-order.ts';
import type { ModuleInstance } from './module-instance.ts';

/**
 * Evaluates every resource instance of a module instance and of every module
 * it calls, depth first in declaration order, and notes which input variables
 * without a value each instance depends on.
 */
export function collectResources(root: ModuleInstance): {
  resources: ResourceInstance[];
  usedBy: Map<string, string[]>;
} {
  const resources: ResourceInstance[] = [];
  const usedBy = new Map<string, string[]>();
  const visit = (module: ModuleInstance): void => {
    // Evaluating referenced resources first keeps the recursion shallow; output keeps declaration order.
    for (const resource of dependencyOrder(module.node.config, module.resources)) {
      for (const instance of resource.instances()) instance.body();
    }
    for (const resource of module.resources) {
      for (const instance of resource.instances()) {
        resources.push(instance.toResourceInstance());
        for (const label of instance.bodyMemo.missingVariables ?? []) {
          const users = usedBy.get(label) ?? [];
          users.push(instance.address);
          usedBy.set(label, users);
        }
      }
    }
    for (const call of module.calls.values()) for (const child of call.instances()) visit(child);
    module.evaluateUnread();
  };
  visit(root);
  return { resources, usedBy };
}

/** Lists the input variables without a value, with a warning for each. */
export function unresolvedVariables(
  evaluation: Evaluation,
  usedBy: Map<string, string[]>,
): TerraformLoadResult['unresolvedVariables'] {
  const result: TerraformLoadResult['unresolvedVariables'] = [];
  for (const [label, location] of evaluation.missingVariables) {
    const users = usedBy.get(label) ?? [];
    result.push({ variable: label, usedBy: users });
    const name = label.slice(label.lastIndexOf('var.') + 'var.'.length);
    const inRoot = label.startsWith('var.');
    evaluation.report({
      code: 'unresolved-variable',
      severity: 'warning',
      message: `The input variable ${label} has no value from any source, so ${users.length > 0 ? users.join(', ') : 'nothing that uses it'} could not be fully evaluated.`,
      hint: inRoot
        ? `Set ${name} in terraform.tfvars, or pass --var ${name}=VALUE or --var-file.`
        : `Set ${name} in the module call, or give the variable a default.`,
      location,
      subject: label,
    });
  }
  return result;
}

/** Drops repeated diagnostics, such as the same fault reported by two instances of one module. */
export function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const range = diagnostic.location?.range;
    const key = [diagnostic.code, diagnostic.severity, diagnostic.message, diagnostic.location?.file, range?.startLine, range?.startColumn].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
