import type { Expression, TemplatePart } from '../ast.ts';
import type { CstNode } from './cst.ts';
import {
  convertExpression,
  invalidExpression,
  nodeLocation,
  nodeText,
  syntaxChildren,
  type ConversionContext,
} from './hcl-expression.ts';
import { decodeQuotedEscapes, decodeTemplateEscapes } from './escapes.ts';
import { stripHeredocIndentation } from './heredoc-indent.ts';
import { nestTemplateTokens, type TemplateToken } from './template-tokens.ts';

/** Converts a quoted string: `"text ${expr} %{ if c }…%{ endif }"`. */
export function convertQuotedTemplate(context: ConversionContext, node: CstNode): Expression {
  const children = syntaxChildren(node);
  const start = children[0];
  const end = children[children.length - 1];
  if (!start || start.type !== 'quoted_template_start') return invalidExpression(context, node);
  const contentEnd = end && end !== start && end.type === 'quoted_template_end' ? end.startIndex : node.endIndex;
  const tokens = tokenizeTemplate(context, children, start.endIndex, contentEnd, decodeQuotedEscapes);
  return { kind: 'template', parts: nestTemplateTokens(tokens), location: nodeLocation(context, node) };
}

/**
 * Converts `<<EOT` and `<<-EOT` heredocs. The body runs from the line after the
 * opening marker to the start of the closing marker's line, so it keeps the
 * newline of its last line. Heredocs decode `$${` and `%%{` but no backslash escapes.
 */
export function convertHeredoc(context: ConversionContext, node: CstNode): Expression {
  const children = syntaxChildren(node);
  const [start, opening] = children;
  const closing = children[children.length - 1];
  if (!start || !opening || !closing || closing === opening) return invalidExpression(context, node);

  const text = context.text;
  const openingLineEnd = text.indexOf('\n', opening.endIndex);
  const bodyStart = openingLineEnd < 0 ? opening.endIndex : openingLineEnd + 1;
  const bodyEnd = Math.max(bodyStart, text.lastIndexOf('\n', closing.startIndex - 1) + 1);
  let tokens = tokenizeTemplate(context, children.slice(2, -1), bodyStart, bodyEnd, (raw) => raw);
  if (nodeText(context, start) === '<<-') tokens = stripHeredocIndentation(tokens);
  tokens = tokens.map((token) =>
    token.kind === 'text' ? { ...token, text: decodeTemplateEscapes(token.text) } : token,
  );
  return { kind: 'template', parts: nestTemplateTokens(tokens), location: nodeLocation(context, node) };
}

/**
 * Lists the interpolations and directives in source order, with the source
 * text between them as text tokens. The text comes from the source rather than
 * from `template_literal` nodes because the grammar leaves whitespace out of those.
 */
function tokenizeTemplate(
  context: ConversionContext,
  children: CstNode[],
  contentStart: number,
  contentEnd: number,
  decode: (raw: string) => string,
): TemplateToken[] {
  const structural: Array<{ node: CstNode; token: TemplateToken }> = [];
  collectStructural(context, children, structural);
  const tokens: TemplateToken[] = [];
  let position = contentStart;
  for (const { node, token } of structural) {
    if (node.startIndex > position) {
      tokens.push({ kind: 'text', text: decode(context.text.slice(position, node.startIndex)) });
    }
    tokens.push(token);
    position = Math.max(position, node.endIndex);
  }
  if (contentEnd > position) tokens.push({ kind: 'text', text: decode(context.text.slice(position, contentEnd)) });
  return tokens;
}

function collectStructural(
  context: ConversionContext,
  children: CstNode[],
  output: Array<{ node: CstNode; token: TemplateToken }>,
): void {
  for (const child of children) {
    if (child.type === 'template_interpolation') {
      output.push({ node: child, token: interpolationToken(context, child) });
    } else if (child.type === 'template_directive' || child.type === 'template_if' || child.type === 'template_for') {
      collectStructural(context, syntaxChildren(child), output);
    } else if (child.type in DIRECTIVE_KINDS) {
      output.push({ node: child, token: directiveToken(context, child) });
    }
  }
}

const DIRECTIVE_KINDS: Record<string, 'if' | 'else' | 'endif' | 'for' | 'endfor'> = {
  template_if_intro: 'if',
  template_else_intro: 'else',
  template_if_end: 'endif',
  template_for_start: 'for',
  template_for_end: 'endfor',
};

/** `~` right after `${` or `%{` strips the whitespace before; `~` right before `}` the whitespace after. */
function stripMarkers(children: CstNode[]): { stripBefore: boolean; stripAfter: boolean } {
  const before = children[1]?.type === 'strip_marker';
  const last = children.length - 2;
  const after = last > 1 && children[last]?.type === 'strip_marker';
  return { stripBefore: before, stripAfter: after };
}

function interpolationToken(context: ConversionContext, node: CstNode): TemplateToken {
  const children = syntaxChildren(node);
  const expression = children.find((child) => child.type === 'expression');
  return {
    kind: 'interpolation',
    expression: expression ? convertExpression(context, expression) : invalidExpression(context, node),
    ...stripMarkers(children),
  };
}

function directiveToken(context: ConversionContext, node: CstNode): TemplateToken {
  const children = syntaxChildren(node);
  const strips = stripMarkers(children);
  const kind = DIRECTIVE_KINDS[node.type]!;
  const expression = children.find((child) => child.type === 'expression');
  const converted = expression ? convertExpression(context, expression) : invalidExpression(context, node);
  if (kind === 'if') return { kind, condition: converted, ...strips };
  if (kind === 'for') {
    const names = children.filter((child) => child.type === 'identifier').map((child) => nodeText(context, child));
    return {
      kind,
      ...(names.length > 1 ? { keyVariable: names[0]! } : {}),
      valueVariable: names[names.length - 1] ?? '',
      collection: converted,
      ...strips,
    };
  }
  return { kind, ...strips };
}
