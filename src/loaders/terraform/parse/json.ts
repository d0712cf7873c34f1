import createDebug from 'debug';
import type { Diagnostic } from '../../../diagnostics.ts';
import type { Block, Body, ConfigFile } from '../ast.ts';
import type { Point } from './cst.ts';
import { collectHeaders } from './headers.ts';
import { blocksOf, propertiesOf, type BodyKind } from './json-blocks.ts';
import { JsonDocumentParser, JsonSyntaxError, type JsonMember, type JsonValue } from './json-document.ts';
import { convertJsonExpression, spanLocation, type JsonContext } from './json-expression.ts';
import { locationBetween } from './location.ts';
import { normalizeSourceText } from './source-text.ts';
import { nestingTooDeep } from './syntax-errors.ts';

const log = createDebug('zoneguard:load:json');

type JsonObject = Extract<JsonValue, { kind: 'object' }>;

/** Top-level block types with two labels, then those with one. */
const TWO_LABELS = new Set(['resource', 'data']);
const ONE_LABEL: Record<string, BodyKind> = {
  module: 'arguments',
  variable: 'variable',
  output: 'arguments',
  provider: 'nested',
};

function jsonParseError(file: string, problem: string, at: Point): Diagnostic {
  const line = at.row + 1;
  const column = at.column + 1;
  return {
    code: 'parse-error',
    severity: 'error',
    message: `Invalid JSON in ${file} at line ${line}, column ${column}: ${problem}. The file was not scanned.`,
    hint: 'Fix the JSON at this position; `terraform validate` shows the same error.',
    location: locationBetween(file, at, at),
  };
}

/** Reads the cdktf construct path from `"//": { "metadata": { "path": "…" } }` in a resource. */
function recordConstructPath(context: JsonContext, address: string, object: JsonObject): void {
  const comment = object.members.find((member) => member.key === '//')?.value;
  const metadata = comment?.kind === 'object' ? comment.members.find((member) => member.key === 'metadata')?.value : undefined;
  const path = metadata?.kind === 'object' ? metadata.members.find((member) => member.key === 'path')?.value : undefined;
  if (path?.kind === 'string') context.constructPaths[address] = path.value;
}

/** `"resource": { "TYPE": { "NAME": {…} } }`, and the same for `data`. */
function twoLabelBlocks(context: JsonContext, member: JsonMember): Block[] {
  if (member.value.kind !== 'object') return unexpectedShape(context, member);
  const blocks: Block[] = [];
  for (const type of propertiesOf(context, member.value)) {
    if (type.value.kind !== 'object') continue;
    for (const name of propertiesOf(context, type.value)) {
      const address = `${member.key === 'data' ? 'data.' : ''}${type.key}.${name.key}`;
      if (name.value.kind === 'object') recordConstructPath(context, address, name.value);
      blocks.push(...blocksOf(context, name, member.key, [type.key, name.key], 'nested'));
    }
  }
  return blocks;
}

function oneLabelBlocks(context: JsonContext, member: JsonMember, kind: BodyKind): Block[] {
  if (member.value.kind !== 'object') return unexpectedShape(context, member);
  return propertiesOf(context, member.value).flatMap((name) => blocksOf(context, name, member.key, [name.key], kind));
}

/** Records a diagnostic for a top-level property whose value has the wrong JSON type, and skips it. */
function unexpectedShape(context: JsonContext, member: JsonMember): Block[] {
  context.diagnostics.push({
    code: 'parse-error',
    severity: 'error',
    message: `The "${member.key}" property in ${context.file} at line ${member.keyStart.row + 1} must be a JSON object. The file was not scanned.`,
    hint: 'Write each block type as an object keyed by the block labels, as in the Terraform JSON configuration syntax.',
    location: spanLocation(context, member.keyStart, member.value.end),
  });
  return [];
}

function topLevelBlocks(context: JsonContext, member: JsonMember): Block[] {
  if (TWO_LABELS.has(member.key)) return twoLabelBlocks(context, member);
  const kind = ONE_LABEL[member.key];
  if (kind) return oneLabelBlocks(context, member, kind);
  if (member.key === 'locals') return blocksOf(context, member, 'locals', [], 'arguments');
  if (member.key === 'terraform') return blocksOf(context, member, 'terraform', [], 'terraform');
  return blocksOf(context, member, member.key, [], 'nested');
}

function convertConfiguration(context: JsonContext, root: JsonObject): Body {
  const body: Body = { attributes: [], blocks: [] };
  for (const member of propertiesOf(context, root)) {
    const blocks = topLevelBlocks(context, member);
    body.blocks.push(...blocks);
  }
  return body;
}

/** Converts a `.tfvars.json` file, where each property is a variable value read as a literal. */
function convertVariableValues(context: JsonContext, root: JsonObject): Body {
  const attributes = propertiesOf(context, root).map((member) => ({
    name: member.key,
    expression: convertJsonExpression(context, member.value, 'literal'),
    location: spanLocation(context, member.keyStart, member.value.end),
  }));
  return { attributes, blocks: [] };
}

function readDocument(context: JsonContext, text: string): JsonValue | undefined {
  try {
    return context.document.parseDocument();
  } catch (error) {
    if (error instanceof JsonSyntaxError) context.diagnostics.push(jsonParseError(context.file, error.message, error.point));
    else if (error instanceof RangeError) context.diagnostics.push(nestingTooDeep(context.file));
    else throw error;
    log('%s: %s (%d characters)', context.file, (error as Error).message, text.length);
    return undefined;
  }
}

/**
 * Parses Terraform's JSON configuration syntax (`.tf.json`) or a JSON
 * variables file (`.tfvars.json`) into the same tree as native HCL. `"//"`
 * keys are comments at every level, `null` properties are left out, strings
 * are templates, and a block written as an array gives one block per element.
 * An empty file is an empty configuration. `loadParser()` must have resolved first.
 */
export function parseJsonConfig(path: string, text: string): ConfigFile {
  const normalized = normalizeSourceText(text);
  const context: JsonContext = {
    file: path,
    document: new JsonDocumentParser(normalized),
    diagnostics: [],
    comments: [],
    constructPaths: {},
  };
  let body: Body = { attributes: [], blocks: [] };
  const root = normalized.trim() === '' ? undefined : readDocument(context, normalized);
  if (root?.kind === 'object') {
    body = path.endsWith('.tfvars.json') ? convertVariableValues(context, root) : convertConfiguration(context, root);
  } else if (root) {
    context.diagnostics.push(jsonParseError(path, 'the top level must be a JSON object', root.start));
  }
  return {
    path,
    format: 'json',
    body,
    comments: context.comments,
    headers: collectHeaders(path, body),
    diagnostics: context.diagnostics,
    ...(Object.keys(context.constructPaths).length > 0 ? { constructPaths: context.constructPaths } : {}),
  };
}
