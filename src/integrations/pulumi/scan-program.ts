import { relative } from 'node:path';
import type { Diagnostic } from '../../diagnostics.ts';
import type { ScanResult } from '../../engine/result.ts';
import { resourcesOfDocument, toInstances } from '../../loaders/pulumi/index.ts';
import type { TerraformLoadResult } from '../../loaders/terraform/types.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { CaptureOutput } from './runner/captured.ts';
import { toStackExport } from './runner/documents.ts';
import { readProject, type PulumiProject } from './runner/project.ts';
import { runProgram } from './runner/run-program.ts';
import { scanLoaded, type PulumiScanOptions } from './scan-loaded.ts';

export interface PulumiProgramOptions extends PulumiScanOptions {
  /** The stack whose `Pulumi.<stack>.yaml` config the program reads; `dev` by default. */
  stack?: string;
  /** Stop the program after this many milliseconds; 120 000 by default. */
  timeoutMs?: number;
}

/**
 * Runs the Pulumi TypeScript program in `dir` under Pulumi's mock runtime, in
 * a child process, and scans the resources it registers. This executes the
 * user's code, so it is opt-in (`zoneguard scan --pulumi-program DIR`).
 */
export async function scanPulumiProgram(dir: string, options: PulumiProgramOptions = {}): Promise<ScanResult> {
  const loaded = await loadPulumiProgram(dir, options);
  return scanLoaded(loaded, options);
}

/** The program's resources as instances, each pointing at the line that created it. */
export async function loadPulumiProgram(dir: string, options: PulumiProgramOptions = {}): Promise<TerraformLoadResult> {
  const stack = options.stack ?? 'dev';
  const project = await readProject(dir, stack);
  if (typeof project === 'string') return failed(dir, { code: 'unsupported-format', severity: 'error', message: `The Pulumi program was not scanned: ${project}.`, hint: 'Give --pulumi-program the folder that holds Pulumi.yaml of a TypeScript program.', location: { file: dir } });
  const capture = await runProgram(project, { stack, timeoutMs: options.timeoutMs ?? 120_000 });
  const result = failed(project.dir);
  result.files.push(project.entry);
  if (capture.error !== undefined) result.diagnostics.push(programError(project, capture));
  const resources = resourcesOfDocument(toStackExport(capture));
  const sources = new Map(capture.resources.map((resource) => [resource.urn, resource.source]));
  result.resources = toInstances(resources, (resource) => locationOf(sources.get(resource.urn), project.entry));
  return result;
}


function locationOf(source: CaptureOutput['resources'][number]['source'], entry: string): SourceLocation {
  if (source === undefined) return { file: entry };
  const range = { startLine: source.line, startColumn: source.column, endLine: source.line, endColumn: source.column };
  return { file: source.file, range };
}

function programError(project: PulumiProject, capture: CaptureOutput): Diagnostic {
  return {
    code: 'evaluation-error',
    severity: 'error',
    message: `The Pulumi program ${relative(process.cwd(), project.entry) || project.entry} failed under the mock runtime, so only the ${capture.resources.length} resources it registered before were scanned: ${firstLine(capture.error)}`,
    hint: 'Install the program\'s dependencies (`npm install` in its folder) and set its stack config, run it with `pulumi preview` to see the whole error, or scan `pulumi preview --json` output instead.',
    location: { file: project.entry },
  };
}

/** The error's first line: the stack trace of the user's program is not ours to print. */
function firstLine(error: unknown): string {
  return String(error).split('\n', 1)[0] ?? '';
}

function failed(dir: string, diagnostic?: Diagnostic): TerraformLoadResult {
  return { root: dir, resources: [], files: [], comments: [], headers: [], diagnostics: diagnostic === undefined ? [] : [diagnostic], unresolvedVariables: [] };
}
