import type { Diagnostic } from '../../../diagnostics.ts';
import type { ConfigFile } from '../ast.ts';
import { parseHcl } from './hcl.ts';
import { parseJsonConfig } from './json.ts';
import { readSourceFile } from './source-file.ts';
import { decodeSource } from './source-text.ts';
import { loadParser } from './tree-sitter.ts';

/** True for Terraform's JSON syntax (`.tf.json`, `.tfvars.json`); every other file is native HCL. */
export function isJsonConfigPath(path: string): boolean {
  return path.endsWith('.json');
}

function failedFile(path: string, diagnostic: Diagnostic): ConfigFile {
  return {
    path,
    format: isJsonConfigPath(path) ? 'json' : 'hcl',
    body: { attributes: [], blocks: [] },
    comments: [],
    headers: [],
    diagnostics: [diagnostic],
  };
}

/**
 * Reads and parses one Terraform file: `.tf` and `.tfvars` as native HCL,
 * `.tf.json` and `.tfvars.json` as JSON configuration. It does not reject:
 * an unreadable, binary or non-UTF-8 file, or one with a syntax error, gives a
 * ConfigFile with an error diagnostic.
 */
export async function parseFile(path: string, bytes?: Buffer): Promise<ConfigFile> {
  let content = bytes;
  if (!content) {
    const read = await readSourceFile(path);
    if (read.diagnostic) return failedFile(path, read.diagnostic);
    content = read.bytes;
  }
  const decoded = decodeSource(path, content);
  if (decoded.diagnostic) return failedFile(path, decoded.diagnostic);
  await loadParser();
  return isJsonConfigPath(path) ? parseJsonConfig(path, decoded.text) : parseHcl(path, decoded.text);
}
