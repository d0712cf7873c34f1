import { isInputFailure, type Diagnostic } from '../diagnostics.ts';
import type { ScanOptions } from '../engine/scan.ts';
import { printDiagnostics } from './diagnostics-output.ts';
import { EXIT } from './errors.ts';
import { prepareInputs, type InputOptions, type PreparedInputs } from './inputs.ts';
import type { CliIo } from './io.ts';

/**
 * The preamble of the commands that scan before they report something other
 * than findings (`graph`, `suppressions`, `baseline create`, `github`).
 */

/**
 * Prepares the inputs of a scan. When the config cannot be read, prints its
 * diagnostics and returns undefined, so the command can exit with
 * `EXIT.inputError` before scanning.
 */
export function prepareReadableInputs(paths: string[], options: InputOptions, io: CliIo): PreparedInputs | undefined {
  const inputs = prepareInputs(paths, options, io);
  if (!inputs.config.diagnostics.some(isInputFailure)) return inputs;
  printDiagnostics(io, inputs.config.diagnostics);
  return undefined;
}

/** The scan options the inputs set: config and its file, variables and working folder. */
export function inputScanOptions(inputs: PreparedInputs, io: CliIo): ScanOptions {
  const { config: loaded, varFiles, vars } = inputs;
  return {
    config: loaded.config,
    ...(loaded.path === undefined ? {} : { configFile: loaded.path }),
    varFiles,
    vars,
    cwd: io.cwd,
  };
}

/** Prints the diagnostics that mean an input could not be read; returns the exit code they call for. */
export function exitForInputFailures(io: CliIo, diagnostics: Diagnostic[]): number {
  const failures = diagnostics.filter(isInputFailure);
  printDiagnostics(io, failures);
  return failures.length > 0 ? EXIT.inputError : EXIT.ok;
}
