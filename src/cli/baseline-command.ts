import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { isInputFailure } from '../diagnostics.ts';
import { baselineText, BaselineError, createBaseline, readBaseline, type Baseline } from '../engine/baseline/index.ts';
import { scan } from '../engine/scan.ts';
import { printDiagnostics } from './diagnostics-output.ts';
import { EXIT, UsageError } from './errors.ts';
import { prepareInputs, type InputOptions } from './inputs.ts';
import type { CliIo } from './io.ts';
import { inputScanOptions } from './scan-inputs.ts';

export const DEFAULT_BASELINE_FILE = 'zoneguard-baseline.json';

export interface BaselineCreateOptions extends InputOptions {
  output: string;
}

/** Registers `zoneguard baseline create [paths...] --output FILE`. */
export function addBaselineCommand(program: Command, io: CliIo, state: { exitCode: number }): void {
  const baseline = program
    .command('baseline')
    .description('record the current findings so that later scans fail only on new ones');
  baseline
    .command('create')
    .description('scan and write every unsuppressed finding to a baseline file')
    .argument('[paths...]', 'folders, .tf files or plan JSON files to scan', [])
    .option('-o, --output <file>', 'the baseline file to write', DEFAULT_BASELINE_FILE)
    .option('-c, --config <file>', 'config file to use instead of searching for .zoneguard.yml')
    .option('--var <name=value>', 'set an input variable; repeatable', collect, [])
    .option('--var-file <file>', 'read variable values from a .tfvars file; repeatable', collect, [])
    .action(async (paths: string[], options: BaselineCreateOptions) => {
      state.exitCode = await runBaselineCreate(paths, options, io);
    });
}

/**
 * Writes the baseline. An input that could not be read stops it with exit 2,
 * because a baseline of a partial scan would hide findings later.
 */
export async function runBaselineCreate(paths: string[], options: BaselineCreateOptions, io: CliIo): Promise<number> {
  const inputs = prepareInputs(paths, options, io);
  const result = await scan(inputs.targets, inputScanOptions(inputs, io));
  const failures = [...inputs.config.diagnostics, ...result.diagnostics].filter(isInputFailure);
  if (failures.length > 0) {
    printDiagnostics(io, failures);
    io.stderr.write('zoneguard: the baseline was not written, because some input could not be read.\n');
    return EXIT.inputError;
  }
  const target = path.resolve(io.cwd, options.output);
  const baseline = createBaseline(result.findings, result.root);
  writeBaselineFile(target, baseline);
  io.stderr.write(`Wrote ${baseline.findings.length} findings to the baseline ${target}.\n`);
  return EXIT.ok;
}

/** Reads `--baseline FILE` for `scan`; a bad file is a usage error (exit 2). */
export function baselineOption(file: string | undefined, io: CliIo): { baseline: Baseline; file: string } | undefined {
  if (file === undefined) return undefined;
  const absolute = path.resolve(io.cwd, file);
  try {
    return { baseline: readBaseline(absolute), file: absolute };
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message, error.hint);
    throw error;
  }
}

function writeBaselineFile(target: string, baseline: Baseline): void {
  try {
    writeFileSync(target, baselineText(baseline));
  } catch (error) {
    throw new UsageError(
      `Could not write the baseline to ${target}: ${(error as Error).message}.`,
      'Check that the folder exists and is writable, or pick another path for --output.',
    );
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
