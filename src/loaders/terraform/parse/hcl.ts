import createDebug from 'debug';
import type { Diagnostic } from '../../../diagnostics.ts';
import type { Body, ConfigFile } from '../ast.ts';
import { collectComments } from './comments.ts';
import { copyTree, type CstNode } from './cst.ts';
import { convertConfigFile } from './hcl-body.ts';
import type { ConversionContext } from './hcl-expression.ts';
import { collectHeaders } from './headers.ts';
import { normalizeSourceText } from './source-text.ts';
import { findSyntaxError, nestingTooDeep, SYNTAX_ERROR_HINT } from './syntax-errors.ts';
import { readyHclParser } from './tree-sitter.ts';

const log = createDebug('zoneguard:load:hcl');

function topLevelObjectError(file: string): Diagnostic {
  return {
    code: 'parse-error',
    severity: 'error',
    message: `${file} is a bare object in braces, which is not a valid HCL body. The file was not scanned.`,
    hint: `Write the settings as \`name = value\` lines without the surrounding braces. ${SYNTAX_ERROR_HINT}`,
    location: { file, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } },
  };
}

/**
 * Converts the tree, reporting input nested too deeply for the recursive
 * converter (thousands of levels) as a parse error instead of a crash.
 */
function convertTree(context: ConversionContext, root: CstNode, diagnostics: Diagnostic[]): Body {
  try {
    return convertConfigFile(context, root);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    log('%s: %s', context.file, error.message);
    diagnostics.push(nestingTooDeep(context.file));
    return { attributes: [], blocks: [] };
  }
}

/**
 * Parses native HCL syntax (`.tf`, `.tfvars`). `loadParser()` must have resolved
 * first. A byte order mark and `\r\n` line ends are accepted. Syntax errors
 * become `parse-error` diagnostics, and the body recovered around them is returned.
 */
export function parseHcl(path: string, text: string): ConfigFile {
  return parseNormalizedHcl(path, normalizeSourceText(text));
}

/** Parses HCL text that has no byte order mark and no `\r\n` pairs left to normalize. */
export function parseNormalizedHcl(path: string, text: string): ConfigFile {
  const context: ConversionContext = { file: path, text };
  const tree = readyHclParser().parse(context.text);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${path}`);
  let root: CstNode;
  let hasError: boolean;
  try {
    hasError = tree.rootNode.hasError;
    root = copyTree(tree, context.text);
  } finally {
    tree.delete();
  }

  const diagnostics: Diagnostic[] = [];
  // Only a tree with an ERROR or MISSING node has a syntax error to look for.
  const syntaxError = hasError ? findSyntaxError(context, root) : undefined;
  if (syntaxError) diagnostics.push(syntaxError);
  if (root.children.some((child) => child.type === 'object')) diagnostics.push(topLevelObjectError(path));
  const body = convertTree(context, root, diagnostics);
  return {
    path,
    format: 'hcl',
    body,
    comments: collectComments(context, root),
    headers: collectHeaders(path, body),
    diagnostics,
  };
}
