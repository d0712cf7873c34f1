import { readFile } from 'node:fs/promises';
import { load, YAMLException } from 'js-yaml';
import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../../diagnostics.ts';
import { schemaErrorsToDiagnostics } from './schema-errors.ts';
import { buildPositionMap } from './yaml-positions.ts';
import type { YamlPositionMap } from './yaml-positions.ts';

/** A problem the schema cannot express, at a JSON Pointer into the document. */
export interface ContentProblem {
  pointer: string;
  /** A full sentence. */
  message: string;
}

/** Checks a schema-valid document further; returns its problems. */
export type ContentCheck = (data: unknown, file: string) => ContentProblem[];

export interface ValidatedYaml {
  /** The document when it parsed and matched its schema. */
  data?: unknown;
  diagnostics: Diagnostic[];
}

/**
 * Reads one pack file, parses it as YAML and validates it against `validate`.
 * Every failure is a `config-invalid` (or `file-unreadable`) diagnostic with
 * the file and position; nothing is thrown.
 */
export async function readValidatedYaml(
  file: string,
  validate: ValidateFunction,
  checkContent: ContentCheck = () => [],
): Promise<ValidatedYaml> {
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
    return { diagnostics: [yamlSyntaxError(file, error)] };
  }
  if (!validate(data)) {
    const positions = buildPositionMap(source);
    return { diagnostics: schemaErrorsToDiagnostics(file, validate.errors ?? [], positions) };
  }
  const problems = checkContent(data, file);
  if (problems.length === 0) return { data, diagnostics: [] };
  const positions = buildPositionMap(source);
  return { diagnostics: problems.map((problem) => contentDiagnostic(file, problem, positions)) };
}

function contentDiagnostic(
  file: string,
  problem: ContentProblem,
  positions: YamlPositionMap,
): Diagnostic {
  const { line, column } = positions.locate(problem.pointer);
  return {
    code: 'config-invalid',
    severity: 'error',
    message: `${file}:${line}:${column}: ${problem.message}`,
    hint: 'Fix the pack entry; it is left out of the scan until then.',
    location: {
      file,
      range: { startLine: line, startColumn: column, endLine: line, endColumn: column },
    },
  };
}

function stripByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function unreadable(file: string, error: unknown): Diagnostic {
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `Could not read the pack file ${file}: ${errorMessage(error)}.`,
    hint: 'Check that the file exists and is readable.',
    location: { file },
  };
}

function yamlSyntaxError(file: string, error: unknown): Diagnostic {
  const mark = error instanceof YAMLException ? error.mark : undefined;
  const line = (mark?.line ?? 0) + 1;
  const column = (mark?.column ?? 0) + 1;
  const reason = error instanceof YAMLException ? error.reason : errorMessage(error);
  return {
    code: 'config-invalid',
    severity: 'error',
    message: `${file}:${line}:${column}: invalid YAML: ${reason}.`,
    hint: 'Fix the YAML syntax of the pack entry.',
    location: {
      file,
      range: { startLine: line, startColumn: column, endLine: line, endColumn: column },
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
