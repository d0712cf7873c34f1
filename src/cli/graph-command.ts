import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScanResult } from '../engine/result.ts';
import { scan } from '../engine/scan.ts';
import type { Language } from '../engine/types.ts';
import { renderDot, renderMermaid, renderSvg, UnknownSiteError, type DiagramOptions } from '../reporters/diagram/index.ts';
import { EXIT, UsageError } from './errors.ts';
import type { InputOptions } from './inputs.ts';
import type { CliIo } from './io.ts';
import { languageFromEnv } from './language.ts';
import { exitForInputFailures, inputScanOptions, prepareReadableInputs } from './scan-inputs.ts';

export type GraphFormat = 'svg' | 'mermaid' | 'dot';

export interface GraphCommandOptions extends InputOptions {
  format: GraphFormat;
  output?: string;
  site?: string;
  lang?: Language;
}

/**
 * Runs `zoneguard graph`: scans the paths and writes the zone diagram of each
 * site (or of `--site`), with flows that break a zoning rule in red. Exits 0
 * whatever the findings are, because the diagram is not a compliance check.
 */
export async function runGraph(paths: string[], options: GraphCommandOptions, io: CliIo): Promise<number> {
  const inputs = prepareReadableInputs(paths, options, io);
  if (inputs === undefined) return EXIT.inputError;
  const result = await scan(inputs.targets, {
    ...inputScanOptions(inputs, io),
    language: options.lang ?? languageFromEnv(io.env),
  });
  const diagram = await renderDiagram(result, options.format, options.site === undefined ? {} : { site: options.site });
  writeDiagram(diagram, options, io);
  return exitForInputFailures(io, result.diagnostics);
}

async function renderDiagram(result: ScanResult, format: GraphFormat, options: DiagramOptions): Promise<string> {
  try {
    if (format === 'mermaid') return renderMermaid(result, options);
    if (format === 'dot') return renderDot(result, options);
    return await renderSvg(result, options);
  } catch (error) {
    if (!(error instanceof UnknownSiteError)) throw error;
    throw new UsageError(error.message, "Pass a site id as 'zoneguard zones' lists it, or leave out --site to draw every site.");
  }
}

function writeDiagram(diagram: string, options: GraphCommandOptions, io: CliIo): void {
  if (options.output === undefined) {
    io.stdout.write(diagram);
    return;
  }
  const target = path.resolve(io.cwd, options.output);
  try {
    writeFileSync(target, diagram);
  } catch (error) {
    throw new UsageError(
      `Could not write the diagram to ${target}: ${(error as Error).message}.`,
      'Check that the folder exists and is writable, or pick another path for --output.',
    );
  }
  io.stderr.write(`Wrote the ${options.format} diagram to ${target}.\n`);
}
