import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { load, YAMLException } from 'js-yaml';
import type { Diagnostic } from '../../diagnostics.ts';
import { schemaErrorsToDiagnostics } from '../../engine/pack/schema-errors.ts';
import { buildPositionMap, type YamlPositionMap } from '../../engine/pack/yaml-positions.ts';

const SCHEMA = new URL('../../../policies/schema/design.schema.json', import.meta.url);
const HINT = 'Fix the design file so that it matches policies/schema/design.schema.json; it is not scanned until then.';

/** Compiled on first use, so a scan without design files never reads the schema. */
let validator: ValidateFunction | undefined;

function designValidator(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv({ allErrors: true, strict: true });
  validator = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
  return validator;
}

export interface ReadDesign {
  data?: unknown;
  positions?: YamlPositionMap;
  diagnostics: Diagnostic[];
}

/**
 * Reads a design file (YAML or JSON; JSON is YAML too), parses it and
 * validates it against the design schema. Failures are diagnostics with the
 * file, line and column; nothing is thrown.
 */
export async function readDesign(file: string): Promise<ReadDesign> {
  let source: string;
  try {
    source = stripByteOrderMark(await readFile(file, 'utf8'));
  } catch (error) {
    return { diagnostics: [unreadable(file, error)] };
  }
  let data: unknown;
  try {
    data = load(source, { filename: file });
  } catch (error) {
    return { diagnostics: [syntaxError(file, error)] };
  }
  const positions = buildPositionMap(source);
  const validate = designValidator();
  if (!validate(data)) {
    const found = schemaErrorsToDiagnostics(file, validate.errors ?? [], positions);
    return { diagnostics: found.map((diagnostic) => ({ ...diagnostic, hint: HINT })) };
  }
  return { data, positions, diagnostics: [] };
}

function stripByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function unreadable(file: string, error: unknown): Diagnostic {
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `Could not read the design file ${file}: ${error instanceof Error ? error.message : String(error)}.`,
    hint: 'Check that the file exists and is readable.',
    location: { file },
  };
}

function syntaxError(file: string, error: unknown): Diagnostic {
  const mark = error instanceof YAMLException ? error.mark : undefined;
  const line = (mark?.line ?? 0) + 1;
  const column = (mark?.column ?? 0) + 1;
  const reason = error instanceof YAMLException ? error.reason : String(error);
  return {
    code: 'parse-error',
    severity: 'error',
    message: `${file}:${line}:${column}: the design file is not valid YAML or JSON: ${reason}.`,
    hint: 'Fix the syntax; the design file is not scanned until then.',
    location: { file, range: { startLine: line, startColumn: column, endLine: line, endColumn: column } },
  };
}
