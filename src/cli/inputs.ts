import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../engine/config-load.ts';
import { UsageError } from './errors.ts';
import type { CliIo } from './io.ts';

/** Options that `scan` and `zones` share. */
export interface InputOptions {
  config?: string;
  var: string[];
  varFile: string[];
}

export interface PreparedInputs {
  /** Paths as given, `.` when none. */
  targets: string[];
  vars: Array<{ name: string; value: string }>;
  /** Absolute `--var-file` paths, each checked to exist. */
  varFiles: string[];
  config: LoadedConfig;
}

/** Checks the variable options and finds the config for the first scanned path. */
export function prepareInputs(paths: string[], options: InputOptions, io: CliIo): PreparedInputs {
  const targets = paths.length > 0 ? paths : ['.'];
  const vars = options.var.map(parseVar);
  const varFiles = options.varFile.map((file) => existingFile(io.cwd, file, '--var-file'));
  const config = loadConfig(
    path.resolve(io.cwd, targets[0]!),
    options.config === undefined ? undefined : path.resolve(io.cwd, options.config),
  );
  return { targets, vars, varFiles, config };
}

/** `NAME=VALUE` → `{ name, value }`; the value may itself contain `=`. */
export function parseVar(text: string): { name: string; value: string } {
  const equals = text.indexOf('=');
  const name = equals > 0 ? text.slice(0, equals).trim() : '';
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
    throw new UsageError(
      `The --var value "${text}" is not of the form NAME=VALUE.`,
      'Write it as --var admin_cidr=10.50.0.0/24, and repeat --var for each variable.',
    );
  }
  return { name, value: text.slice(equals + 1) };
}

function existingFile(cwd: string, file: string, option: string): string {
  const absolute = path.resolve(cwd, file);
  if (!existsSync(absolute)) {
    throw new UsageError(
      `The file ${absolute} given to ${option} was not found.`,
      `Check the path given to ${option}.`,
    );
  }
  return absolute;
}
