import { readFile } from 'node:fs/promises';
import { load, YAMLException } from 'js-yaml';
import type { ValidateFunction } from 'ajv';
import type { Diagnostic, DiagnosticCode } from '../../diagnostics.ts';
import { schemaErrorsToDiagnostics } from './schema-errors.ts';
import { buildPositionMap, type YamlPositionMap } from './yaml-positions.ts';

/**
 * Reading of YAML files that must match a JSON Schema: pack files and design
 * files. They differ here only in the wording of their read and syntax errors.
 */

/** How the diagnostics of one kind of YAML file are worded. */
export interface YamlFileWording {
  /** The file as a message names it, such as `pack file`. */
  kind: string;
  /** The code of a YAML syntax error. */
  syntaxCode: DiagnosticCode;
  /** The message of a YAML syntax error, after the `file:line:column: ` prefix. */
  syntaxMessage: (reason: string) => string;
  syntaxHint: string;
}

type ParsedYamlFile = { ok: true; source: string; data: unknown } | { ok: false; diagnostic: Diagnostic };

export interface SchemaCheckedYaml {
  /** The document when it parsed and matched its schema. */
  data?: unknown;
  /** The positions of the document's values, present whenever it parsed. */
  positions?: YamlPositionMap;
  diagnostics: Diagnostic[];
}

/**
 * Reads a YAML file, parses it and validates it against `validate`. A failure
 * is a `file-unreadable`, syntax or schema diagnostic with the file and
 * position; nothing is thrown.
 */
export async function readSchemaCheckedYaml(
  file: string,
  validate: ValidateFunction,
  wording: YamlFileWording,
): Promise<SchemaCheckedYaml> {
  const parsed = await parseYamlFile(file, wording);
  if (!parsed.ok) return { diagnostics: [parsed.diagnostic] };
  const { source, data } = parsed;
  const positions = buildPositionMap(source);
  if (!validate(data)) {
    return { positions, diagnostics: schemaErrorsToDiagnostics(file, validate.errors ?? [], positions) };
  }
  return { data, positions, diagnostics: [] };
}

async function parseYamlFile(file: string, wording: YamlFileWording): Promise<ParsedYamlFile> {
  let source: string;
  try {
    source = stripByteOrderMark(await readFile(file, 'utf8'));
  } catch (error) {
    return { ok: false, diagnostic: unreadable(file, error, wording) };
  }
  try {
    return { ok: true, source, data: load(source, { filename: file }) };
  } catch (error) {
    return { ok: false, diagnostic: syntaxError(file, error, wording) };
  }
}

function stripByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function unreadable(file: string, error: unknown, wording: YamlFileWording): Diagnostic {
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `Could not read the ${wording.kind} ${file}: ${errorMessage(error)}.`,
    hint: 'Check that the file exists and is readable.',
    location: { file },
  };
}

function syntaxError(file: string, error: unknown, wording: YamlFileWording): Diagnostic {
  const mark = error instanceof YAMLException ? error.mark : undefined;
  const line = (mark?.line ?? 0) + 1;
  const column = (mark?.column ?? 0) + 1;
  const reason = error instanceof YAMLException ? error.reason : errorMessage(error);
  return {
    code: wording.syntaxCode,
    severity: 'error',
    message: `${file}:${line}:${column}: ${wording.syntaxMessage(reason)}.`,
    hint: wording.syntaxHint,
    location: {
      file,
      range: { startLine: line, startColumn: column, endLine: line, endColumn: column },
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
