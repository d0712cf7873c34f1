import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../../diagnostics.ts';

export type JsonRead = { ok: true; value: unknown } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads a JSON file of the cdktf project (`manifest.json`, `cdktf.json`). A
 * missing, unreadable or malformed file is a diagnostic that says what to run.
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
    return failure('parse-error', `${file} is not valid JSON: ${(error as Error).message}.`, hint, file, lineOf(text, error));
  }
}

function failure(code: Diagnostic['code'], message: string, hint: string, file: string, line?: number): JsonRead {
  const location = line === undefined ? { file } : { file, range: { startLine: line, startColumn: 1, endLine: line, endColumn: 1 } };
  return { ok: false, diagnostic: { code, severity: 'error', message, hint, location } };
}

/** The line of a `JSON.parse` error, from the character position V8 puts in its message. */
function lineOf(text: string, error: unknown): number | undefined {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  if (position === undefined) return undefined;
  return text.slice(0, Number(position)).split('\n').length;
}
