import type { Attribute, Block, Body } from '../ast.ts';
import type { CstNode } from './cst.ts';
import { decodeQuotedEscapes } from './escapes.ts';
import {
  convertExpression,
  invalidExpression,
  nodeLocation,
  nodeText,
  syntaxChildren,
  type ConversionContext,
} from './hcl-expression.ts';

function emptyBody(): Body {
  return { attributes: [], blocks: [] };
}

/**
 * Converts the attributes and blocks of a `body` node. After a syntax error,
 * tree-sitter may wrap recovered attributes and blocks in an ERROR node. Those
 * are kept, so the rest of the file is still visible.
 */
export function convertBody(context: ConversionContext, node: CstNode | undefined): Body {
  const body = emptyBody();
  if (!node) return body;
  for (const child of syntaxChildren(node)) {
    if (child.type === 'attribute') body.attributes.push(convertAttribute(context, child));
    else if (child.type === 'block') body.blocks.push(convertBlock(context, child));
    else if (child.type === 'ERROR' || child.type === 'body') {
      const recovered = convertBody(context, child);
      body.attributes.push(...recovered.attributes);
      body.blocks.push(...recovered.blocks);
    }
  }
  return body;
}

function convertAttribute(context: ConversionContext, node: CstNode): Attribute {
  const children = syntaxChildren(node);
  const name = children.find((child) => child.type === 'identifier');
  const value = children.find((child) => child.type === 'expression');
  return {
    name: name ? nodeText(context, name) : '',
    expression: value ? convertExpression(context, value) : invalidExpression(context, node),
    location: nodeLocation(context, node),
  };
}

/** Returns the text of a label, written as a quoted string without interpolation or a bare identifier. */
function labelText(context: ConversionContext, node: CstNode): string {
  const text = nodeText(context, node);
  if (node.type !== 'string_lit') return text;
  return decodeQuotedEscapes(text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined));
}

function convertBlock(context: ConversionContext, node: CstNode): Block {
  const children = syntaxChildren(node);
  const opening = children.findIndex((child) => child.type === 'block_start');
  const header = opening >= 0 ? children.slice(0, opening) : children;
  const [type, ...labels] = header.filter((child) => child.type === 'identifier' || child.type === 'string_lit');
  return {
    type: type ? nodeText(context, type) : '',
    labels: labels.map((label) => labelText(context, label)),
    body: convertBody(context, children.find((child) => child.type === 'body')),
    location: nodeLocation(context, node),
  };
}

/** Converts the root `config_file` node. */
export function convertConfigFile(context: ConversionContext, root: CstNode): Body {
  return convertBody(context, root);
}
