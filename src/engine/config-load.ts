import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import createDebug from 'debug';
import { loadAll, YAMLException } from 'js-yaml';
import type { Diagnostic } from '../diagnostics.ts';
import type { SourceLocation } from '../model/location.ts';
import type { ZoneguardConfig } from './config.ts';
import { buildPositionMap, pointerSegment, type YamlPositionMap } from './pack/yaml-positions.ts';

const log = createDebug('zoneguard:engine:config-load');

/** File names searched in each folder, first match wins. */
export const CONFIG_FILE_NAMES = ['.zoneguard.yml', '.zoneguard.yaml'] as const;

const SCHEMA_PATH = fileURLToPath(
  new URL('../../policies/schema/config.schema.json', import.meta.url),
);

export interface LoadedConfig {
  /** The validated settings; empty when no file was found or the file was invalid. */
  config: ZoneguardConfig;
  /** Absolute path of the file read, when one was found. */
  path?: string;
  diagnostics: Diagnostic[];
}

/**
 * Finds and reads `.zoneguard.yml`. With `explicitPath`, reads that file;
 * otherwise searches from `startDir` up to the repository root (the folder
 * with `.git`) or the filesystem root. An invalid file yields a `config-invalid`
 * error that names the file, the YAML line and column, and the field.
 */
export function loadConfig(startDir: string, explicitPath?: string): LoadedConfig {
  const file = explicitPath !== undefined ? path.resolve(explicitPath) : findConfigFile(startDir);
  if (file === undefined) return { config: {}, diagnostics: [] };
  if (!existsSync(file)) {
    return invalid(file, {
      code: 'file-unreadable',
      severity: 'error',
      message: `The config file ${file} was not found.`,
      hint: 'Check the path given to --config.',
      location: { file },
    });
  }
  log('reading %s', file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return invalid(file, {
      code: 'file-unreadable',
      severity: 'error',
      message: `The config file ${file} could not be read: ${(error as Error).message}.`,
      hint: 'Check that the file exists and is readable.',
      location: { file },
    });
  }
  return parseConfig(file, text);
}

/** Searches `startDir` and its parents for a config file, stopping at a repository root. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = path.dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    // `.git` is a folder in a clone and a file in a worktree; either marks the repository root.
    const parent = path.dirname(dir);
    if (existsSync(path.join(dir, '.git')) || parent === dir) return undefined;
    dir = parent;
  }
}

/** Parses and validates config text; `file` is used in diagnostics only. */
export function parseConfig(file: string, text: string): LoadedConfig {
  let documents: unknown[];
  try {
    documents = loadAll(text, { filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const mark = error.mark;
    const where = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : '';
    return invalid(file, {
      code: 'config-invalid',
      severity: 'error',
      message: `The config file ${file} is not valid YAML${where}: ${error.reason}.`,
      hint: 'Fix the YAML syntax at the position shown.',
      location: mark ? pointLocation(file, mark.line + 1, mark.column + 1) : { file },
    });
  }
  if (documents.length > 1) {
    return invalid(file, {
      code: 'config-invalid',
      severity: 'error',
      message: `The config file ${file} contains ${documents.length} YAML documents; it must contain one.`,
      hint: 'Remove the extra `---` separators.',
      location: { file },
    });
  }
  const data = documents[0] ?? {};
  const validate = configValidator();
  if (validate(data)) return { config: data as ZoneguardConfig, path: file, diagnostics: [] };
  const positions = buildPositionMap(text);
  const diagnostics = (validate.errors ?? []).map((error) => schemaDiagnostic(file, error, positions));
  return { config: {}, path: file, diagnostics };
}

function invalid(file: string, diagnostic: Diagnostic): LoadedConfig {
  return { config: {}, path: file, diagnostics: [diagnostic] };
}

let compiled: ValidateFunction | undefined;

function configValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;
  const ajv = new Ajv.default({ allErrors: true, strict: true, verbose: true });
  compiled = ajv.compile(schema);
  return compiled;
}

/** Converts a schema error to a diagnostic at the key or value the error is about. */
function schemaDiagnostic(file: string, error: ErrorObject, positions: YamlPositionMap): Diagnostic {
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let description: string;
  if (error.keyword === 'additionalProperties') {
    pointer = `${pointer}/${pointerSegment(String(params.additionalProperty))}`;
    description = 'is not a known setting';
  } else if (error.keyword === 'required') {
    description = `is missing the required field \`${String(params.missingProperty)}\``;
  } else if (error.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).join(', ');
    description = `must be one of ${allowed}, not ${JSON.stringify(error.data)}`;
  } else {
    description = error.message ?? 'is invalid';
  }
  const field = fieldName(pointer);
  const { line, column } = positions.locate(pointer);
  return {
    code: 'config-invalid',
    severity: 'error',
    message: `In ${file} (line ${line}, column ${column}), \`${field}\` ${description}.`,
    hint: 'Fix the setting; docs/configuration.md lists every setting and its values.',
    location: pointLocation(file, line, column),
    subject: field,
  };
}

/** `/zones/names/0/zone` → `zones.names[0].zone`; the root is `(root)`. */
function fieldName(pointer: string): string {
  if (pointer === '') return '(root)';
  let name = '';
  for (const part of pointer.slice(1).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) name += `[${key}]`;
    else name += name === '' ? key : `.${key}`;
  }
  return name;
}

function pointLocation(file: string, line: number, column: number): SourceLocation {
  return { file, range: { startLine: line, startColumn: column, endLine: line, endColumn: column + 1 } };
}
