import type { Diagnostic } from '../../../diagnostics.ts';
import type { Expression } from '../ast.ts';
import type { SourceComment } from '../types.ts';
import type { Point } from './cst.ts';
import type { JsonDocumentParser, JsonMember, JsonValue } from './json-document.ts';
import { convertJsonTemplate } from './json-template.ts';
import { locationBetween } from './location.ts';
import { parseNormalizedHcl } from './hcl.ts';

/** State shared while one JSON file is converted. */
export interface JsonContext {
  file: string;
  document: JsonDocumentParser;
  diagnostics: Diagnostic[];
  comments: SourceComment[];
  constructPaths: Record<string, string>;
}

/**
 * The reading of a JSON string: a template (most arguments), literal text
 * (variable defaults and `.tfvars.json` values, which Terraform evaluates
 * without a context), or an HCL expression (a variable's `type`).
 */
export type StringMode = 'template' | 'literal' | 'expression';

/** The key `"//"` marks a comment at every level of Terraform JSON. */
export const COMMENT_KEY = '//';

/** Keeps a `"//": "text"` comment so that inline suppressions work in JSON files too. */
export function recordComment(context: JsonContext, member: JsonMember): void {
  if (member.value.kind !== 'string') return;
  context.comments.push({ file: context.file, line: member.keyStart.row + 1, text: member.value.value.trim(), trailing: false });
}

export function spanLocation(context: JsonContext, start: Point, end: Point) {
  return locationBetween(context.file, start, end);
}

function literalString(context: JsonContext, value: Extract<JsonValue, { kind: 'string' }>): Expression {
  const location = spanLocation(context, value.start, value.end);
  return { kind: 'template', parts: [{ kind: 'literal', text: value.value }], location };
}

/** Reads a string such as `"list(string)"` as an expression, as Terraform does for `type`. */
function typeExpression(context: JsonContext, value: Extract<JsonValue, { kind: 'string' }>): Expression {
  const location = spanLocation(context, value.start, value.end);
  const parsed = parseNormalizedHcl(context.file, `x = ${value.value}\n`);
  const expression = parsed.body.attributes[0]?.expression;
  if (parsed.diagnostics.length > 0 || !expression) return { kind: 'invalid', text: value.value, location };
  return { ...expression, location };
}

function convertString(context: JsonContext, value: Extract<JsonValue, { kind: 'string' }>, mode: StringMode): Expression {
  if (mode === 'literal') return literalString(context, value);
  if (mode === 'expression') return typeExpression(context, value);
  const template = convertJsonTemplate(context.file, value, context.document);
  context.diagnostics.push(...template.diagnostics);
  return template.expression;
}

function convertObjectValue(context: JsonContext, value: Extract<JsonValue, { kind: 'object' }>, mode: StringMode): Expression {
  const items = value.members
    .filter((member) => {
      if (member.key !== COMMENT_KEY) return true;
      recordComment(context, member);
      return false;
    })
    .map((member) => {
      const keyToken = { kind: 'string' as const, value: member.key, sourceOffsets: [], start: member.keyStart, end: member.keyEnd };
      const key = mode === 'literal' ? literalString(context, keyToken) : convertJsonTemplateKey(context, member);
      return {
        key,
        value: convertJsonExpression(context, member.value, mode === 'expression' ? 'template' : mode),
        location: spanLocation(context, member.keyStart, member.value.end),
      };
    });
  return { kind: 'object', items, location: spanLocation(context, value.start, value.end) };
}

/** Object keys are templates too, but keys rarely interpolate, so plain keys skip the parser. */
function convertJsonTemplateKey(context: JsonContext, member: JsonMember): Expression {
  const location = spanLocation(context, member.keyStart, member.keyEnd);
  if (!member.key.includes('${') && !member.key.includes('%{')) {
    return { kind: 'template', parts: [{ kind: 'literal', text: member.key }], location };
  }
  // NOTE: an interpolating key is parsed without a position map, so the parts are located at the key.
  const parsed = parseNormalizedHcl(context.file, `x = "${member.key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"\n`);
  const expression = parsed.body.attributes[0]?.expression;
  if (!expression) return { kind: 'invalid', text: member.key, location };
  return { ...expression, location };
}

/** Converts any JSON value to an expression. Objects become object expressions here, not blocks. */
export function convertJsonExpression(context: JsonContext, value: JsonValue, mode: StringMode): Expression {
  const location = spanLocation(context, value.start, value.end);
  switch (value.kind) {
    case 'string':
      return convertString(context, value, mode);
    case 'number':
    case 'boolean':
      return { kind: 'literal', value: value.value, location };
    case 'null':
      return { kind: 'literal', value: null, location };
    case 'array':
      return { kind: 'tuple', items: value.items.map((item) => convertJsonExpression(context, item, mode)), location };
    case 'object':
      return convertObjectValue(context, value, mode);
  }
}
