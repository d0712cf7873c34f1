import type { Diagnostic } from '../../../diagnostics.ts';
import type { CstNode, Point } from './cst.ts';
import type { ConversionContext } from './hcl-expression.ts';
import { locationBetween } from './location.ts';

export const SYNTAX_ERROR_HINT = 'Fix the syntax at this position; `terraform validate` shows the same error.';

/** How a missing token is named in a message, by grammar node type. */
const MISSING_NAMES: Record<string, string> = {
  block_end: 'a closing "}"',
  object_end: 'a closing "}"',
  tuple_end: 'a closing "]"',
  quoted_template_end: 'a closing \'"\'',
  template_interpolation_end: 'a closing "}" of the interpolation',
  template_directive_end: 'a closing "}" of the directive',
  heredoc_identifier: 'the closing marker of the heredoc',
  identifier: 'a name or an expression',
  expression: 'an expression',
};

/** The first ERROR or MISSING node in document order, found without recursion. */
function firstErrorNode(root: CstNode): CstNode | undefined {
  const pending: CstNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'ERROR' || node.missing) return node;
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  return undefined;
}

/** The zero-based point of a UTF-16 offset in the text. */
function pointAt(text: string, index: number): Point {
  // lastIndexOf clamps a negative start to 0 and would find a newline at offset 0.
  const lineStart = index > 0 ? text.lastIndexOf('\n', index - 1) + 1 : 0;
  let row = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < lineStart; at = text.indexOf('\n', at + 1)) row++;
  return { row, column: index - lineStart };
}

/**
 * A missing token is zero-width and sits before the next token, often on a
 * later line; the parser noticed its absence right after the previous token,
 * so the error is placed there.
 */
function missingTokenPoint(text: string, node: CstNode): Point {
  let index = node.startIndex;
  while (index > 0 && /\s/.test(text[index - 1]!)) index--;
  return pointAt(text, index);
}

function firstLeaf(node: CstNode): CstNode {
  let current = node;
  while (current.children.length > 0) current = current.children[0]!;
  return current;
}

function describeProblem(context: ConversionContext, node: CstNode): string {
  if (node.missing) {
    const name = MISSING_NAMES[node.type] ?? (node.named ? node.type.replaceAll('_', ' ') : `"${node.type}"`);
    return `${name} is missing`;
  }
  const leaf = firstLeaf(node);
  const text = context.text.slice(leaf.startIndex, leaf.endIndex).split('\n')[0]!.slice(0, 40);
  return text === '' ? 'the input ends unexpectedly' : `"${text}" is not expected here`;
}

/**
 * Returns a `parse-error` diagnostic for the first syntax error of the tree, or
 * undefined when there is none. tree-sitter recovers from errors, so the rest
 * of the tree is still usable, but the diagnostic keeps the file from being evaluated.
 */
export function findSyntaxError(context: ConversionContext, root: CstNode): Diagnostic | undefined {
  const node = firstErrorNode(root);
  if (!node) return undefined;
  const start = node.missing ? missingTokenPoint(context.text, node) : node.start;
  const line = start.row + 1;
  const column = start.column + 1;
  return {
    code: 'parse-error',
    severity: 'error',
    message: `Invalid HCL syntax in ${context.file} at line ${line}, column ${column}: ${describeProblem(context, node)}. The file was not scanned.`,
    hint: SYNTAX_ERROR_HINT,
    location: locationBetween(context.file, start, node.missing ? start : node.end),
  };
}

/** A `parse-error` for input nested deeper than the converter can follow. */
export function nestingTooDeep(file: string): Diagnostic {
  return {
    code: 'parse-error',
    severity: 'error',
    message: `${file} nests expressions or blocks too deeply to be read. The file was not scanned.`,
    hint: 'Split the deeply nested expression into locals; Terraform configurations rarely nest more than a few levels.',
    location: { file, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } },
  };
}
