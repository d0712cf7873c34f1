import type { Diagnostic } from '../../../diagnostics.ts';
import { JsonDocumentParser, JsonSyntaxError } from '../parse/json-document.ts';
import { readSourceFile } from '../parse/source-file.ts';
import { decodeSource } from '../parse/source-text.ts';

export type JsonVariables = { value: unknown; diagnostic?: undefined } | { value?: undefined; diagnostic: Diagnostic };

/**
 * Reads a `.tfvars.json` file as plain JSON. Reading goes through the same
 * checks as source files (missing, not a regular file, too large, binary,
 * not UTF-8), and a syntax error is placed at its line and column.
 */
export async function readJsonVariables(path: string): Promise<JsonVariables> {
  const read = await readSourceFile(path);
  if (read.diagnostic) return { diagnostic: read.diagnostic };
  const decoded = decodeSource(path, read.bytes);
  if (decoded.diagnostic) return { diagnostic: decoded.diagnostic };
  try {
    return { value: JSON.parse(decoded.text) };
  } catch (error) {
    return { diagnostic: syntaxError(path, decoded.text, error as Error) };
  }
}

/** `JSON.parse` names no line, so the position-keeping parser finds where the JSON goes wrong. */
function syntaxError(path: string, text: string, error: Error): Diagnostic {
  let problem = error.message;
  let point = { row: 0, column: 0 };
  try {
    new JsonDocumentParser(text).parseDocument();
  } catch (located) {
    if (located instanceof JsonSyntaxError) ({ message: problem, point } = located);
  }
  const line = point.row + 1;
  const column = point.column + 1;
  return {
    code: 'parse-error',
    severity: 'error',
    message: `Invalid JSON in ${path} at line ${line}, column ${column}: ${problem}; the variables it sets are unknown.`,
    hint: 'Fix the JSON at this position; `terraform plan` rejects the file with the same error.',
    location: { file: path, range: { startLine: line, startColumn: column, endLine: line, endColumn: column + 1 } },
  };
}
