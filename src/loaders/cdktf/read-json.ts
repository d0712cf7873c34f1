import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../../diagnostics.ts';
import type { Point } from '../terraform/parse/cst.ts';
import { JsonDocumentParser, JsonSyntaxError } from '../terraform/parse/json-document.ts';

export type JsonRead = { ok: true; value: unknown } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads a JSON file of the cdktf project (`manifest.json`, `cdktf.json`). A
 * missing, unreadable or malformed file becomes a diagnostic with `hint`.
 */
export async function readJsonFile(file: string, hint: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return failure('file-unreadable', `${file} could not be read (${reason}).`, hint, file);
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const at = syntaxErrorAt(text);
    const reason = at?.message ?? (error as Error).message;
    return failure('parse-error', `${file} is not valid JSON: ${reason}.`, hint, file, at?.point);
  }
}

function failure(code: Diagnostic['code'], message: string, hint: string, file: string, point?: Point): JsonRead {
  const location =
    point === undefined
      ? { file }
      : { file, range: { startLine: point.row + 1, startColumn: point.column + 1, endLine: point.row + 1, endColumn: point.column + 2 } };
  return { ok: false, diagnostic: { code, severity: 'error', message, hint, location } };
}

/**
 * Finds where the JSON goes wrong with the Terraform loader's position-keeping
 * parser, because `JSON.parse` names a character offset only for some errors.
 */
function syntaxErrorAt(text: string): JsonSyntaxError | undefined {
  try {
    new JsonDocumentParser(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')).parseDocument();
    return undefined;
  } catch (error) {
    return error instanceof JsonSyntaxError ? error : undefined;
  }
}
