import type { Expression } from '../ast.ts';
import type { CstNode } from './cst.ts';
import { convertConditional } from './hcl-conditional.ts';
import { convertHeredoc, convertQuotedTemplate } from './hcl-template.ts';
import { locationBetween, spanLocations } from './location.ts';

/** The file being converted and its text, which the CST offsets point into. */
export interface ConversionContext {
  file: string;
  text: string;
}

type BinaryOperator = Extract<Expression, { kind: 'binary' }>['operator'];

const BINARY_OPERATORS = new Set<string>([
  '+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||',
]);

/** Returns the children other than comments, which can sit between any two tokens. */
export function syntaxChildren(node: CstNode): CstNode[] {
  return node.children.filter((child) => child.type !== 'comment');
}

export function nodeLocation(context: ConversionContext, node: CstNode) {
  return locationBetween(context.file, node.start, node.end);
}

export function nodeText(context: ConversionContext, node: CstNode): string {
  return context.text.slice(node.startIndex, node.endIndex);
}

export function invalidExpression(context: ConversionContext, node: CstNode): Expression {
  return { kind: 'invalid', text: nodeText(context, node), location: nodeLocation(context, node) };
}

/** Converts an `expression` node, or any node that contains one expression term. */
export function convertExpression(context: ConversionContext, node: CstNode): Expression {
  if (node.type !== 'expression') return convertTerms(context, [node]);
  const children = syntaxChildren(node);
  if (children.length === 1 && children[0]!.type === 'conditional') {
    return convertConditional(context, children[0]!);
  }
  return convertTerms(context, children);
}

/**
 * Converts one expression term written as sibling nodes: a primary term or a
 * parenthesised expression, followed by attribute, index and splat traversals.
 * The grammar flattens these into the parent's children.
 */
export function convertTerms(context: ConversionContext, nodes: CstNode[]): Expression {
  const first = nodes[0];
  if (!first) return { kind: 'invalid', text: '', location: { file: context.file } };
  if (first.type === '(') return convertParenthesised(context, nodes);
  return applyTraversals(context, convertPrimary(context, first), nodes, 1);
}

function convertParenthesised(context: ConversionContext, nodes: CstNode[]): Expression {
  const inner = nodes[1];
  const closing = nodes[2]?.type === ')' ? nodes[2] : undefined;
  if (!inner || !closing) return invalidExpression(context, nodes[0]!);
  const expression = convertExpression(context, inner);
  const location = locationBetween(context.file, nodes[0]!.start, closing.end);
  return applyTraversals(context, { ...expression, location }, nodes, 3);
}

function applyTraversals(
  context: ConversionContext,
  base: Expression,
  nodes: CstNode[],
  from: number,
): Expression {
  let result = base;
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'splat') {
      result = applyTraversal(context, result, node);
      continue;
    }
    const splat = syntaxChildren(node)[0]!;
    const item: Expression = { kind: 'splat-item', location: nodeLocation(context, splat) };
    let each = applyTraversals(context, item, syntaxChildren(splat), 1);
    // A full splat `[*]` applies every later traversal to each element, as HCL does.
    // The legacy attribute splat `.*` covers only the attributes written right after it.
    if (splat.type === 'full_splat') {
      each = applyTraversals(context, each, nodes, i + 1);
      const last = nodes[nodes.length - 1]!;
      return { kind: 'splat', object: result, each, location: spanTo(context, result, last) };
    }
    result = { kind: 'splat', object: result, each, location: spanTo(context, result, node) };
  }
  return result;
}

function spanTo(context: ConversionContext, first: Expression, last: CstNode) {
  return spanLocations(first.location, nodeLocation(context, last));
}

function applyTraversal(context: ConversionContext, object: Expression, node: CstNode): Expression {
  const location = spanTo(context, object, node);
  if (node.type === 'get_attr') {
    const name = syntaxChildren(node).find((child) => child.type === 'identifier');
    return { kind: 'getattr', object, name: name ? nodeText(context, name) : '', location };
  }
  const index = syntaxChildren(node)[0];
  if (node.type === 'index' && index?.type === 'new_index') {
    const key = syntaxChildren(index).find((child) => child.type === 'expression');
    if (!key) return invalidExpression(context, node);
    return { kind: 'index', object, key: convertExpression(context, key), location };
  }
  if (node.type === 'index' && index?.type === 'legacy_index') {
    // `list.0` is the legacy spelling of `list[0]`. The grammar keeps no node for
    // the digits, so they are read from the text after the dot.
    const dot = syntaxChildren(index)[0];
    const digitsStart = dot ? dot.end : index.start;
    const key: Expression = {
      kind: 'literal',
      value: Number(nodeText(context, index).slice(1).trim()),
      location: locationBetween(context.file, digitsStart, index.end),
    };
    return { kind: 'index', object, key, location };
  }
  return { kind: 'invalid', text: nodeText(context, node), location };
}

function convertPrimary(context: ConversionContext, node: CstNode): Expression {
  const child = syntaxChildren(node)[0];
  switch (node.type) {
    case 'literal_value':
      return child ? convertLiteral(context, child) : invalidExpression(context, node);
    case 'template_expr':
      if (child?.type === 'quoted_template') return convertQuotedTemplate(context, child);
      if (child?.type === 'heredoc_template') return convertHeredoc(context, child);
      return invalidExpression(context, node);
    case 'collection_value':
      if (child?.type === 'tuple') return convertTuple(context, child);
      if (child?.type === 'object') return convertObject(context, child);
      return invalidExpression(context, node);
    case 'variable_expr':
      return { kind: 'variable', name: nodeText(context, node), location: nodeLocation(context, node) };
    case 'function_call':
      return convertCall(context, node);
    case 'for_expr':
      return child ? convertFor(context, child) : invalidExpression(context, node);
    case 'operation':
      if (child?.type === 'unary_operation') return convertUnary(context, child);
      if (child?.type === 'binary_operation') return convertBinary(context, child);
      return invalidExpression(context, node);
    case 'expression':
      return convertExpression(context, node);
    default:
      return invalidExpression(context, node);
  }
}

function convertLiteral(context: ConversionContext, node: CstNode): Expression {
  const location = nodeLocation(context, node);
  switch (node.type) {
    case 'numeric_lit':
      return { kind: 'literal', value: Number(nodeText(context, node)), location };
    case 'bool_lit':
      return { kind: 'literal', value: nodeText(context, node) === 'true', location };
    case 'null_lit':
      return { kind: 'literal', value: null, location };
    case 'string_lit':
      return convertQuotedTemplate(context, node);
    default:
      return invalidExpression(context, node);
  }
}

function convertTuple(context: ConversionContext, node: CstNode): Expression {
  const items = syntaxChildren(node)
    .filter((child) => child.type === 'expression')
    .map((child) => convertExpression(context, child));
  return { kind: 'tuple', items, location: nodeLocation(context, node) };
}

function convertObject(context: ConversionContext, node: CstNode): Expression {
  const items = syntaxChildren(node)
    .filter((child) => child.type === 'object_elem')
    .map((element) => {
      const [keyNode, , valueNode] = syntaxChildren(element);
      const key = keyNode ? convertObjectKey(context, keyNode) : invalidExpression(context, element);
      const value = valueNode ? convertExpression(context, valueNode) : invalidExpression(context, element);
      return { key, value, location: nodeLocation(context, element) };
    });
  return { kind: 'object', items, location: nodeLocation(context, node) };
}

/**
 * Converts an object key. A bare word key is a `variable` that the evaluator
 * reads as a string. A key written `(name)` means the value of `name`, so it
 * becomes the template `"${name}"`: that keeps it apart from the bare word, and
 * an object key is converted to a string anyway.
 */
function convertObjectKey(context: ConversionContext, node: CstNode): Expression {
  const key = convertExpression(context, node);
  const parenthesised = syntaxChildren(node)[0]?.type === '(';
  if (!parenthesised || key.kind !== 'variable') return key;
  return { kind: 'template', parts: [{ kind: 'interpolation', expression: key }], location: key.location };
}

function convertCall(context: ConversionContext, node: CstNode): Expression {
  const children = syntaxChildren(node);
  const name = children.find((child) => child.type === 'identifier');
  const argumentList = children.find((child) => child.type === 'function_arguments');
  const argumentNodes = argumentList ? syntaxChildren(argumentList) : [];
  return {
    kind: 'call',
    name: name ? nodeText(context, name) : '',
    args: argumentNodes
      .filter((child) => child.type === 'expression')
      .map((child) => convertExpression(context, child)),
    expandFinal: argumentNodes.some((child) => child.type === 'ellipsis'),
    location: nodeLocation(context, node),
  };
}

function convertFor(context: ConversionContext, node: CstNode): Expression {
  const children = syntaxChildren(node);
  const intro = children.find((child) => child.type === 'for_intro');
  const results = children.filter((child) => child.type === 'expression');
  const condition = children.find((child) => child.type === 'for_cond');
  if (!intro || results.length === 0) return invalidExpression(context, node);

  const introChildren = syntaxChildren(intro);
  const names = introChildren.filter((child) => child.type === 'identifier').map((child) => nodeText(context, child));
  const collection = introChildren.find((child) => child.type === 'expression');
  const conditionExpression = condition && syntaxChildren(condition).find((child) => child.type === 'expression');
  const isObject = node.type === 'for_object_expr';
  return {
    kind: 'for',
    result: isObject ? 'object' : 'tuple',
    ...(names.length > 1 ? { keyVariable: names[0]! } : {}),
    valueVariable: names[names.length - 1] ?? '',
    collection: collection ? convertExpression(context, collection) : invalidExpression(context, intro),
    ...(isObject ? { key: convertExpression(context, results[0]!) } : {}),
    value: convertExpression(context, results[isObject ? 1 : 0] ?? results[0]!),
    ...(conditionExpression ? { condition: convertExpression(context, conditionExpression) } : {}),
    grouping: isObject && children.some((child) => child.type === 'ellipsis'),
    location: nodeLocation(context, node),
  };
}

function convertUnary(context: ConversionContext, node: CstNode): Expression {
  const [operator, ...operand] = syntaxChildren(node);
  if (!operator || (operator.type !== '!' && operator.type !== '-')) return invalidExpression(context, node);
  return {
    kind: 'unary',
    operator: operator.type,
    operand: convertTerms(context, operand),
    location: nodeLocation(context, node),
  };
}

function convertBinary(context: ConversionContext, node: CstNode): Expression {
  const children = syntaxChildren(node);
  const at = children.findIndex((child) => !child.named && BINARY_OPERATORS.has(child.type));
  if (at <= 0) return invalidExpression(context, node);
  return {
    kind: 'binary',
    operator: children[at]!.type as BinaryOperator,
    left: convertTerms(context, children.slice(0, at)),
    right: convertTerms(context, children.slice(at + 1)),
    location: nodeLocation(context, node),
  };
}
