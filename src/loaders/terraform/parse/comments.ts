import type { SourceComment } from '../types.ts';
import { forEachNode, type CstNode } from './cst.ts';
import type { ConversionContext } from './hcl-expression.ts';

/** True when something other than whitespace precedes `index` on its line. */
function followsCode(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return text.slice(lineStart, index).trim() !== '';
}

/** Splits a `/* … *\/` comment into the text of each line, without the markers. */
function blockCommentLines(raw: string): string[] {
  const inner = raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
  return inner.split('\n').map((line, i) => {
    const trimmed = line.trim();
    // Continuation lines often start with a decorative `*`.
    return i > 0 && trimmed.startsWith('*') ? trimmed.slice(1).trim() : trimmed;
  });
}

function commentsOfNode(context: ConversionContext, node: CstNode): SourceComment[] {
  const raw = context.text.slice(node.startIndex, node.endIndex);
  const line = node.start.row + 1;
  const trailing = followsCode(context.text, node.startIndex);
  if (raw.startsWith('#')) return [{ file: context.file, line, text: raw.slice(1).trim(), trailing }];
  if (raw.startsWith('//')) return [{ file: context.file, line, text: raw.slice(2).trim(), trailing }];
  return blockCommentLines(raw).map((text, i) => ({
    file: context.file,
    line: line + i,
    text,
    trailing: i === 0 && trailing,
  }));
}

/**
 * Collects every `#`, `//` and `/* *\/` comment in document order. A block
 * comment gives one entry per line, and only its first line can be trailing.
 */
export function collectComments(context: ConversionContext, root: CstNode): SourceComment[] {
  const comments: SourceComment[] = [];
  forEachNode(root, (node) => {
    if (node.type === 'comment') comments.push(...commentsOfNode(context, node));
  });
  return comments;
}
