import type { Attribute, Block, Body } from '../ast.ts';
import type { Point } from './cst.ts';
import {
  COMMENT_KEY,
  convertJsonExpression,
  recordComment,
  spanLocation,
  type JsonContext,
} from './json-expression.ts';
import type { JsonMember, JsonValue } from './json-document.ts';

type JsonObject = Extract<JsonValue, { kind: 'object' }>;

/**
 * The reading of a block body's properties. In a `nested` body (resources,
 * data sources, providers), an object or a list of objects is a nested block.
 * In an `arguments` body (modules, locals, outputs), every property is an argument.
 */
export type BodyKind = 'nested' | 'arguments' | 'variable' | 'terraform' | 'required_providers';

/**
 * Arguments whose value is a map, so an object value is an expression and not a
 * nested block. Provider schemas would give this for every resource type, but
 * they are not loaded, so this list covers the common map arguments.
 */
const MAP_ARGUMENTS = new Set([
  'tags',
  'tags_all',
  'labels',
  'triggers',
  'environment',
  'variables',
  'metadata',
  'parameters',
  'for_each',
]);

/** Nested blocks whose first level of properties are labels: `"dynamic": { "ingress": { … } }`. */
const LABELLED_NESTED_BLOCKS = new Set(['dynamic', 'provisioner']);

/** Returns the objects of a block value: one object, or each element of an array of objects. */
export function blockObjects(value: JsonValue): JsonObject[] | undefined {
  if (value.kind === 'object') return [value];
  if (value.kind === 'array' && value.items.length > 0 && value.items.every((item) => item.kind === 'object')) {
    return value.items as JsonObject[];
  }
  return undefined;
}

/**
 * Builds the blocks of one property. A single object spans from the property
 * name to its closing brace; each element of an array spans its own braces.
 */
export function blocksOf(
  context: JsonContext,
  member: JsonMember,
  type: string,
  labels: string[],
  kind: BodyKind,
): Block[] {
  const objects = blockObjects(member.value) ?? [];
  return objects.map((object) => {
    const start: Point = member.value.kind === 'object' ? member.keyStart : object.start;
    return {
      type,
      labels,
      body: convertJsonBody(context, object, kind),
      location: spanLocation(context, start, object.end),
    };
  });
}

/** Returns the members that are not `"//"` comments, and records the comments. */
export function propertiesOf(context: JsonContext, object: JsonObject): JsonMember[] {
  return object.members.filter((member) => {
    if (member.key !== COMMENT_KEY) return true;
    recordComment(context, member);
    return false;
  });
}

function attributeOf(context: JsonContext, member: JsonMember, mode: 'template' | 'literal' | 'expression'): Attribute {
  return {
    name: member.key,
    expression: convertJsonExpression(context, member.value, mode),
    location: spanLocation(context, member.keyStart, member.value.end),
  };
}

function isNestedBlock(kind: BodyKind, member: JsonMember): boolean {
  if (MAP_ARGUMENTS.has(member.key) || !blockObjects(member.value)) return false;
  if (kind === 'nested' || kind === 'terraform') return true;
  return kind === 'variable' && member.key === 'validation';
}

/** Adds the blocks of `"dynamic": { "name": {…} }` and `"provisioner": { "type": {…} }`. */
function addLabelledBlocks(context: JsonContext, body: Body, member: JsonMember): void {
  if (member.value.kind !== 'object') return;
  for (const labelled of propertiesOf(context, member.value)) {
    body.blocks.push(...blocksOf(context, labelled, member.key, [labelled.key], 'nested'));
  }
}

function addProperty(context: JsonContext, body: Body, member: JsonMember, kind: BodyKind): void {
  if (kind === 'required_providers') {
    body.attributes.push(attributeOf(context, member, 'literal'));
  } else if (kind === 'terraform' && member.key === 'required_providers') {
    body.blocks.push(...blocksOf(context, member, member.key, [], 'required_providers'));
  } else if (kind === 'terraform' && member.key === 'backend') {
    addLabelledBlocks(context, body, member);
  } else if (kind === 'nested' && LABELLED_NESTED_BLOCKS.has(member.key) && member.value.kind === 'object') {
    addLabelledBlocks(context, body, member);
  } else if (isNestedBlock(kind, member)) {
    body.blocks.push(...blocksOf(context, member, member.key, [], 'nested'));
  } else if (kind === 'variable' && member.key === 'default') {
    body.attributes.push(attributeOf(context, member, 'literal'));
  } else if (kind === 'variable' && member.key === 'type' && member.value.kind === 'string') {
    body.attributes.push(attributeOf(context, member, 'expression'));
  } else {
    body.attributes.push(attributeOf(context, member, 'template'));
  }
}

/** Converts a block body. A property set to `null` is left out, as Terraform treats it as unset. */
export function convertJsonBody(context: JsonContext, object: JsonObject, kind: BodyKind): Body {
  const body: Body = { attributes: [], blocks: [] };
  for (const member of propertiesOf(context, object)) {
    if (member.value.kind === 'null') continue;
    addProperty(context, body, member, kind);
  }
  return body;
}
