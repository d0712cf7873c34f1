import type { Expression, TemplatePart } from '../ast.ts';

interface Strip {
  /** `~` after the opening `${` or `%{`: trims the whitespace before this token. */
  stripBefore: boolean;
  /** `~` before the closing `}`: trims the whitespace after this token. */
  stripAfter: boolean;
}

/** A template read as a flat sequence, before directives are nested. */
export type TemplateToken =
  | { kind: 'text'; text: string }
  | ({ kind: 'interpolation'; expression: Expression } & Strip)
  | ({ kind: 'if'; condition: Expression } & Strip)
  | ({ kind: 'else' | 'endif' | 'endfor' } & Strip)
  | ({ kind: 'for'; keyVariable?: string; valueVariable: string; collection: Expression } & Strip);

interface Frame {
  token?: Extract<TemplateToken, { kind: 'if' | 'for' }>;
  parts: TemplatePart[];
  otherwise?: TemplatePart[];
}

/** Trims the text next to `~` markers; HCL trims spaces, tabs and newlines alike. */
function applyStripMarkers(tokens: TemplateToken[]): TemplateToken[] {
  const result = tokens.map((token) => ({ ...token }));
  result.forEach((token, i) => {
    if (token.kind === 'text') return;
    const before = result[i - 1];
    const after = result[i + 1];
    if (token.stripBefore && before?.kind === 'text') before.text = before.text.trimEnd();
    if (token.stripAfter && after?.kind === 'text') after.text = after.text.trimStart();
  });
  return result;
}

function appendText(parts: TemplatePart[], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last?.kind === 'literal') last.text += text;
  else parts.push({ kind: 'literal', text });
}

/** Closes the innermost `if` or `for` and adds it to the frame around it. */
function closeFrame(stack: Frame[]): void {
  const frame = stack.pop()!;
  const outer = stack[stack.length - 1]!;
  const token = frame.token!;
  const target = outer.otherwise ?? outer.parts;
  if (token.kind === 'if') {
    const otherwise = frame.otherwise ?? [];
    target.push({ kind: 'if', condition: token.condition, then: frame.parts, otherwise });
    return;
  }
  target.push({
    kind: 'for',
    ...(token.keyVariable !== undefined ? { keyVariable: token.keyVariable } : {}),
    valueVariable: token.valueVariable,
    collection: token.collection,
    body: frame.parts,
  });
}

/**
 * Builds the template parts: applies strip markers, nests `%{ if }` and
 * `%{ for }` directives and merges adjacent text. A template with no parts gets
 * one empty literal. A directive left open (only after a syntax error, which is
 * reported separately) is closed at the end.
 */
export function nestTemplateTokens(tokens: TemplateToken[]): TemplatePart[] {
  const root: Frame = { parts: [] };
  const stack: Frame[] = [root];
  for (const token of applyStripMarkers(tokens)) {
    const frame = stack[stack.length - 1]!;
    const target = frame.otherwise ?? frame.parts;
    if (token.kind === 'text') appendText(target, token.text);
    else if (token.kind === 'interpolation') target.push({ kind: 'interpolation', expression: token.expression });
    else if (token.kind === 'if' || token.kind === 'for') stack.push({ token, parts: [] });
    else if (token.kind === 'else' && frame.token?.kind === 'if') frame.otherwise = [];
    else if (token.kind === 'endif' && frame.token?.kind === 'if') closeFrame(stack);
    else if (token.kind === 'endfor' && frame.token?.kind === 'for') closeFrame(stack);
  }
  while (stack.length > 1) closeFrame(stack);
  if (root.parts.length === 0) root.parts.push({ kind: 'literal', text: '' });
  return root.parts;
}
