import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { isInputFailure } from '../diagnostics.ts';
import type { ScanResult } from '../engine/result.ts';
import { scan } from '../engine/scan.ts';
import type { Language, Severity } from '../engine/types.ts';
import { renderJson } from '../reporters/json.ts';
import { renderSarif } from '../reporters/sarif.ts';
import { renderText } from '../reporters/text.ts';
import { parseAsOf } from './as-of.ts';
import { baselineOption } from './baseline-command.ts';
import { printDiagnostics, useColor } from './diagnostics-output.ts';
import { EXIT, UsageError } from './errors.ts';
import { exitCodeFor } from './exit-code.ts';
import { htmlReport } from './html-report.ts';
import { prepareInputs, type InputOptions } from './inputs.ts';
import type { CliIo } from './io.ts';
import { languageFromEnv } from './language.ts';
import { startProgress } from './progress.ts';

export interface ScanCommandOptions extends InputOptions {
  format: 'text' | 'json' | 'sarif' | 'html';
  output?: string;
  severityThreshold?: Severity;
  failOnUnknown?: boolean;
  lang?: Language;
  color: boolean;
  /** `--source DIR`: the `.tf` sources of a scanned plan. */
  source?: string;
  /** `--baseline FILE`: findings already accepted. */
  baseline?: string;
  /** `--design FILE`: approved design files, repeatable. */
  design?: string[];
  /** `--pulumi-program DIR`: Pulumi programs to run under the mock runtime, repeatable. */
  pulumiProgram?: string[];
  /** `--as-of YYYY-MM-DD`: the day [date] rules and suppression expiry are evaluated on. */
  asOf?: string;
}

/** Default threshold: high and critical findings fail the build, lower ones are reported only. */
export const DEFAULT_THRESHOLD: Severity = 'high';

/** Runs `zoneguard scan` and returns its exit code. */
export async function runScan(paths: string[], options: ScanCommandOptions, io: CliIo): Promise<number> {
  // An invalid config is reported and the scan goes on with the built-in
  // defaults; its error diagnostic still makes the scan exit 2.
  const { targets, vars, varFiles, config: loaded } = prepareInputs(paths, options, io);
  if (loaded.diagnostics.some(isInputFailure)) printDiagnostics(io, loaded.diagnostics);
  const baseline = baselineOption(options.baseline, io);
  const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf);
  const progress = startProgress(io);
  const scannedAt = new Date();
  let result: ScanResult;
  try {
    // With only --pulumi-program, the current folder is not also scanned as Terraform.
    const programsOnly = paths.length === 0 && (options.pulumiProgram?.length ?? 0) > 0;
    result = await scan(programsOnly ? [] : targets, {
      config: loaded.config,
      varFiles,
      vars,
      language: options.lang ?? languageFromEnv(io.env),
      cwd: io.cwd,
      ...(options.source === undefined ? {} : { sourceDir: options.source }),
      ...(loaded.path === undefined ? {} : { configFile: loaded.path }),
      ...(baseline === undefined ? {} : { baseline }),
      ...(options.design?.length ? { design: options.design } : {}),
      ...(options.pulumiProgram?.length ? { pulumiPrograms: options.pulumiProgram } : {}),
      ...(asOf === undefined ? {} : { now: asOf }),
      onProgress: (stage, done, total) => progress.update(stage, done, total),
    });
  } finally {
    progress.stop();
  }
  result.diagnostics.push(...loaded.diagnostics);
  await writeReport(result, options, io, scannedAt);
  return exitCodeFor(result, {
    threshold: options.severityThreshold ?? loaded.config.severityThreshold ?? DEFAULT_THRESHOLD,
    failOnUnknown: options.failOnUnknown ?? loaded.config.failOnUnknown ?? false,
  });
}

async function writeReport(result: ScanResult, options: ScanCommandOptions, io: CliIo, scannedAt: Date): Promise<void> {
  const toFile = options.output !== undefined;
  const color = !toFile && useColor(io, options.color);
  const report =
    options.format === 'html'
      ? await htmlReport(result, io, scannedAt)
      : options.format === 'json'
        ? renderJson(result)
        : options.format === 'sarif'
          ? renderSarif(result)
          : renderText(result, { color });
  if (!toFile) {
    io.stdout.write(report);
    return;
  }
  const target = path.resolve(io.cwd, options.output!);
  try {
    writeFileSync(target, report);
  } catch (error) {
    throw new UsageError(
      `Could not write the report to ${target}: ${(error as Error).message}.`,
      'Check that the folder exists and is writable, or pick another path for --output.',
    );
  }
  io.stderr.write(`Wrote the ${options.format} report to ${target}.\n`);
}
