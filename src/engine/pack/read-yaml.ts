import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../../diagnostics.ts';
import { readSchemaCheckedYaml, type YamlFileWording } from './yaml-file.ts';
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

const PACK_FILE: YamlFileWording = {
  kind: 'pack file',
  syntaxCode: 'config-invalid',
  syntaxMessage: (reason) => `invalid YAML: ${reason}`,
  syntaxHint: 'Fix the YAML syntax of the pack entry.',
};

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
  const { data, positions, diagnostics } = await readSchemaCheckedYaml(file, validate, PACK_FILE);
  if (diagnostics.length > 0 || positions === undefined) return { diagnostics };
  const problems = checkContent(data, file);
  if (problems.length === 0) return { data, diagnostics: [] };
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
