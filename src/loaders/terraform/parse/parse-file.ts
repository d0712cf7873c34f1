import { readFile } from 'node:fs/promises';
import createDebug from 'debug';
import type { Diagnostic } from '../../../diagnostics.ts';
import type { ConfigFile } from '../ast.ts';
import { parseHcl } from './hcl.ts';
import { parseJsonConfig } from './json.ts';
import { decodeSource } from './source-text.ts';
import { loadParser } from './tree-sitter.ts';

const log = createDebug('zoneguard:load:parse');

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

function unreadable(path: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `${path} could not be read: ${reason}. The file was not scanned.`,
    hint: 'Check that the file exists and that the scan has permission to read it.',
    location: { file: path, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } },
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
    try {
      content = await readFile(path);
    } catch (error) {
      log('cannot read %s: %O', path, error);
      return failedFile(path, unreadable(path, error));
    }
  }
  const decoded = decodeSource(path, content);
  if (decoded.diagnostic) return failedFile(path, decoded.diagnostic);
  await loadParser();
  return isJsonConfigPath(path) ? parseJsonConfig(path, decoded.text) : parseHcl(path, decoded.text);
}
