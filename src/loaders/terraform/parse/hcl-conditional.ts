import type { Expression } from '../ast.ts';
import type { CstNode } from './cst.ts';
import {
  convertExpression,
  invalidExpression,
  syntaxChildren,
  type ConversionContext,
} from './hcl-expression.ts';
import { spanLocations } from './location.ts';

interface ConditionalLink {
  then: CstNode;
  otherwise: CstNode;
}

/** The conditional written directly, without parentheses, as the condition of `node`. */
function bareConditional(condition: CstNode): CstNode | undefined {
  const children = syntaxChildren(condition);
  if (children.length === 1 && children[0]!.type === 'conditional') return children[0];
  return undefined;
}

/**
 * Converts `a ? b : c ? d : e`. The grammar (tree-sitter-hcl 1.2) groups a chain
 * of conditionals to the left, `(a ? b : c) ? d : e`, but HCL groups them to the
 * right, `a ? b : (c ? d : e)`, so the chain is collected and rebuilt.
 */
export function convertConditional(context: ConversionContext, node: CstNode): Expression {
  const links: ConditionalLink[] = [];
  let current: CstNode | undefined = node;
  let condition: CstNode | undefined;
  while (current) {
    const operands = syntaxChildren(current).filter((child) => child.type === 'expression');
    if (operands.length !== 3) return invalidExpression(context, current);
    links.unshift({ then: operands[1]!, otherwise: operands[2]! });
    condition = operands[0]!;
    current = bareConditional(condition);
  }
  return rebuildRightToLeft(context, convertExpression(context, condition!), links);
}

/**
 * `links` runs from the innermost conditional of the left-grouped chain; the
 * condition of each next link is the `otherwise` operand of the one before.
 */
function rebuildRightToLeft(
  context: ConversionContext,
  firstCondition: Expression,
  links: ConditionalLink[],
): Expression {
  const conditions = [firstCondition];
  for (const link of links.slice(0, -1)) conditions.push(convertExpression(context, link.otherwise));
  let result = convertExpression(context, links[links.length - 1]!.otherwise);
  for (let i = links.length - 1; i >= 0; i--) {
    const condition = conditions[i]!;
    result = {
      kind: 'conditional',
      condition,
      then: convertExpression(context, links[i]!.then),
      otherwise: result,
      location: spanLocations(condition.location, result.location),
    };
  }
  return result;
}
