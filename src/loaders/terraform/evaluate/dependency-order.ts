import type { Body, Expression, TemplatePart } from '../ast.ts';
import type { ModuleConfig } from './module-config.ts';
import type { ResourceNode } from './resource.ts';

/**
 * Orders the resources of one module so that a resource comes after the
 * resources it refers to, directly or through locals. Evaluating in this
 * order keeps the recursion of lazy evaluation shallow even for long chains
 * of references; cycles are left for the evaluator to report.
 */
export function dependencyOrder(config: ModuleConfig, resources: ResourceNode[]): ResourceNode[] {
  const byAddress = new Map(resources.map((node) => [`${node.declaration.mode}:${node.declaration.type}.${node.declaration.name}`, node]));
  const localReferences = new Map<string, string[]>();
  const referencesOf = (node: ResourceNode) => resourceReferences(node.declaration.block.body, config, localReferences);
  const ordered: ResourceNode[] = [];
  const state = new Map<ResourceNode, 'open' | 'done'>();
  for (const start of resources) {
    if (state.has(start)) continue;
    const stack: Array<{ node: ResourceNode; pending: ResourceNode[] }> = [];
    const open = (node: ResourceNode) => {
      state.set(node, 'open');
      const pending = referencesOf(node).flatMap((key) => byAddress.get(key) ?? []);
      stack.push({ node, pending });
    };
    open(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: ResourceNode; pending: ResourceNode[] };
      const next = top.pending.pop();
      if (next === undefined) {
        stack.pop();
        state.set(top.node, 'done');
        ordered.push(top.node);
      } else if (!state.has(next)) open(next);
    }
  }
  return ordered;
}

/** Keys `mode:type.name` of the resources a body refers to, following locals. */
function resourceReferences(body: Body, config: ModuleConfig, localReferences: Map<string, string[]>): string[] {
  const found: string[] = [];
  visitBody(body, (expression) => collectReference(expression, config, localReferences, found));
  return found;
}

function collectReference(expression: Expression, config: ModuleConfig, localReferences: Map<string, string[]>, found: string[]): void {
  if (expression.kind !== 'getattr') return;
  const object = expression.object;
  if (object.kind === 'variable' && object.name === 'local') {
    found.push(...referencesOfLocal(expression.name, config, localReferences));
  } else if (object.kind === 'variable' && config.resources.has(`${object.name}.${expression.name}`)) {
    found.push(`managed:${object.name}.${expression.name}`);
  } else if (object.kind === 'getattr' && object.object.kind === 'variable' && object.object.name === 'data') {
    found.push(`data:${object.name}.${expression.name}`);
  }
}

function referencesOfLocal(name: string, config: ModuleConfig, localReferences: Map<string, string[]>): string[] {
  const known = localReferences.get(name);
  if (known) return known;
  const found: string[] = [];
  localReferences.set(name, found);
  const attribute = config.locals.get(name);
  if (attribute) {
    visitExpression(attribute.expression, (expression) => collectReference(expression, config, localReferences, found));
  }
  return found;
}

/** Calls `visit` on every expression in a body, nested blocks included. */
export function visitBody(body: Body, visit: (expression: Expression) => void): void {
  for (const attribute of body.attributes) visitExpression(attribute.expression, visit);
  for (const block of body.blocks) visitBody(block.body, visit);
}

function visitExpression(expression: Expression, visit: (expression: Expression) => void): void {
  const pending: Expression[] = [expression];
  while (pending.length > 0) {
    const current = pending.pop() as Expression;
    visit(current);
    pending.push(...childExpressions(current));
  }
}

function childExpressions(expression: Expression): Expression[] {
  switch (expression.kind) {
    case 'template':
      return templateExpressions(expression.parts);
    case 'tuple':
      return expression.items;
    case 'object':
      return expression.items.flatMap((item) => [item.key, item.value]);
    case 'getattr':
      return [expression.object];
    case 'index':
      return [expression.object, expression.key];
    case 'splat':
      return [expression.object, expression.each];
    case 'call':
      return expression.args;
    case 'conditional':
      return [expression.condition, expression.then, expression.otherwise];
    case 'binary':
      return [expression.left, expression.right];
    case 'unary':
      return [expression.operand];
    case 'for':
      return [expression.collection, expression.value, ...(expression.key ? [expression.key] : []), ...(expression.condition ? [expression.condition] : [])];
    default:
      return [];
  }
}

function templateExpressions(parts: TemplatePart[]): Expression[] {
  return parts.flatMap((part): Expression[] => {
    if (part.kind === 'interpolation') return [part.expression];
    if (part.kind === 'if') return [part.condition, ...templateExpressions(part.then), ...templateExpressions(part.otherwise)];
    if (part.kind === 'for') return [part.collection, ...templateExpressions(part.body)];
    return [];
  });
}
