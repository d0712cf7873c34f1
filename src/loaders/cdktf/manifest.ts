import createDebug from 'debug';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics.ts';
import { readJsonFile } from './read-json.ts';
import type { CdktfOutput, CdktfStack } from './types.ts';

const debug = createDebug('zoneguard:load:cdktf-manifest');

export const MANIFEST_FILE = 'manifest.json';
const SYNTH_HINT = 'Run `npx cdktf synth` (or `npx cdktn synth`) again, then scan the output folder.';

/**
 * Reads `manifest.json` of a synthesized cdktf app and lists its stacks. The
 * manifest, not a folder walk, decides what is scanned: a stack removed from
 * the app may leave its old folder behind in `cdktf.out/stacks`.
 */
export async function readCdktfManifest(outDir: string): Promise<CdktfOutput> {
  const file = join(outDir, MANIFEST_FILE);
  const read = await readJsonFile(file, SYNTH_HINT);
  if (!read.ok) return { outDir, stacks: [], diagnostics: [read.diagnostic] };

  const stacks: CdktfStack[] = [];
  const diagnostics: Diagnostic[] = [];
  const entries = stackEntries(read.value);
  if (entries === undefined) diagnostics.push(malformed(file, 'it has no `stacks` object'));
  for (const [key, entry] of entries ?? []) {
    const stack = toStack(outDir, key, entry);
    if (typeof stack === 'string') diagnostics.push(malformed(file, `stack ${key} ${stack}`));
    else stacks.push(stack);
  }
  debug('%s lists %d stacks', file, stacks.length);
  return { outDir, stacks, diagnostics };
}

function stackEntries(manifest: unknown): Array<[string, unknown]> | undefined {
  const stacks = isRecord(manifest) ? manifest.stacks : undefined;
  return isRecord(stacks) ? Object.entries(stacks) : undefined;
}

/** Reads one stack entry, or returns what is wrong with it. */
function toStack(outDir: string, key: string, entry: unknown): CdktfStack | string {
  if (!isRecord(entry)) return 'is not an object';
  const synthesized = entry.synthesizedStackPath;
  if (typeof synthesized !== 'string') return 'has no `synthesizedStackPath`';
  const folder = typeof entry.workingDirectory === 'string' ? entry.workingDirectory : join(synthesized, '..');
  return {
    name: typeof entry.name === 'string' ? entry.name : key,
    constructPath: typeof entry.constructPath === 'string' ? entry.constructPath : key,
    file: resolve(outDir, synthesized),
    folder: resolve(outDir, folder),
  };
}

function malformed(file: string, problem: string): Diagnostic {
  return {
    code: 'unsupported-format',
    severity: 'error',
    message: `${file} is not a cdktf manifest zoneguard can read: ${problem}.`,
    hint: SYNTH_HINT,
    location: { file },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
