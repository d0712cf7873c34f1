import { isUnknown } from '../../../model/unknown.ts';
import type { Attribute, Block, Body } from '../ast.ts';
import type { EvaluatedAttribute, EvaluatedBlock, EvaluatedBody, Value } from '../types.ts';
import { iterationEntries } from './collections.ts';
import { evaluate } from './expression.ts';
import { findAttribute } from './expansion.ts';
import { materialize } from './lazy.ts';
import { type Scope, withBindings } from './scope.ts';
import { convertToString, typeName } from './values.ts';

/** Arguments Terraform itself reads on resources, data sources and module calls; they are not settings. */
const META_ATTRIBUTES = new Set(['count', 'for_each', 'depends_on', 'provider']);
const META_BLOCKS = new Set(['lifecycle']);

/**
 * Evaluates the body of a resource instance: every attribute, and nested
 * blocks with `dynamic` blocks expanded. `subject` names the resource in
 * warnings. Meta-arguments are left out at the top level only.
 */
export function evaluateResourceBody(body: Body, scope: Scope, subject: string): EvaluatedBody {
  return evaluateBody(body, scope, subject, true);
}

function evaluateBody(body: Body, scope: Scope, subject: string, topLevel: boolean): EvaluatedBody {
  const result: EvaluatedBody = { attributes: {}, blocks: [] };
  for (const attribute of body.attributes) {
    if (topLevel && META_ATTRIBUTES.has(attribute.name)) continue;
    const evaluated = evaluateAttribute(attribute, scope);
    if (evaluated.value !== null) result.attributes[attribute.name] = evaluated;
  }
  for (const block of body.blocks) {
    if (topLevel && META_BLOCKS.has(block.type)) continue;
    if (block.type === 'dynamic') result.blocks.push(...expandDynamic(block, scope, subject));
    else result.blocks.push(evaluateBlock(block, block.labels, scope, subject));
  }
  return result;
}

/** An attribute set to null is absent, as in Terraform; the caller drops it. */
function evaluateAttribute(attribute: Attribute, scope: Scope): EvaluatedAttribute {
  const value = materialize(evaluate(attribute.expression, scope));
  const evaluated: EvaluatedAttribute = { value, location: attribute.location };
  const expression = attribute.expression;
  if (expression.kind === 'tuple' && Array.isArray(value) && value.length === expression.items.length) {
    evaluated.elementLocations = expression.items.map((item) => item.location);
  }
  return evaluated;
}

function evaluateBlock(block: Block, labels: string[], scope: Scope, subject: string): EvaluatedBlock {
  return { type: block.type, labels, location: block.location, body: evaluateBody(block.body, scope, subject, false) };
}

/**
 * Expands `dynamic "name" { for_each, iterator, labels, content }` into one
 * `name` block per element. The iterator (by default the block name) has
 * `.key` and `.value`. An Unknown `for_each` gives no blocks and a warning.
 */
function expandDynamic(block: Block, scope: Scope, subject: string): EvaluatedBlock[] {
  const name = block.labels[0];
  const forEach = findAttribute(block, 'for_each');
  const content = block.body.blocks.find((inner) => inner.type === 'content');
  if (name === undefined || !forEach || !content) {
    scope.evaluation.fail(block.location, `A dynamic block in ${subject} needs a label, a for_each argument and a content block.`);
    return [];
  }
  const collection = evaluate(forEach.expression, scope);
  if (isUnknown(collection)) {
    scope.evaluation.warn(forEach.location, `The dynamic "${name}" blocks of ${subject} could not be expanded because for_each depends on ${collection.origin}; they were not scanned.`, subject);
    return [];
  }
  const entries = iterationEntries(collection);
  if (!entries) {
    scope.evaluation.fail(forEach.location, `The for_each of a dynamic "${name}" block must be a collection, but got a ${typeName(collection)}.`);
    return [];
  }
  const iterator = iteratorName(block, name);
  const labelsAttribute = findAttribute(block, 'labels');
  return entries.map(([key, value]) => {
    const inner = withBindings(scope, { [iterator]: { key, value } });
    const labels = labelsAttribute ? dynamicLabels(evaluate(labelsAttribute.expression, inner)) : [];
    return { ...evaluateBlock(content, labels, inner, subject), type: name, location: block.location };
  });
}

function iteratorName(block: Block, fallback: string): string {
  const iterator = findAttribute(block, 'iterator');
  return iterator?.expression.kind === 'variable' ? iterator.expression.name : fallback;
}

function dynamicLabels(value: Value): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((label) => convertToString(label) ?? '');
}
