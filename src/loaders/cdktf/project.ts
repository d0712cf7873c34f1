import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { readJsonFile } from './read-json.ts';

export const PROJECT_FILE = 'cdktf.json';
const DEFAULT_OUTPUT = 'cdktf.out';

/** The output folder of a cdktf folder, or the diagnostic on why it cannot be scanned. */
export type CdktfFolder = { outDir: string } | { diagnostic: Diagnostic };

/**
 * Recognises a cdktf folder: a synthesized output folder (it contains
 * `manifest.json` and `stacks/`) or a project folder (it contains `cdktf.json`,
 * whose `output` names the output folder). Anything else is `undefined`, so the
 * caller treats it as plain Terraform. cdktf and CDK Terrain share this layout.
 */
export async function locateCdktfOutput(folder: string): Promise<CdktfFolder | undefined> {
  if ((await isFile(join(folder, MANIFEST_FILE))) && (await isFolder(join(folder, 'stacks')))) {
    return { outDir: folder };
  }
  if (!(await isFile(join(folder, PROJECT_FILE)))) return undefined;
  return projectOutput(folder);
}

async function projectOutput(folder: string): Promise<CdktfFolder> {
  const file = join(folder, PROJECT_FILE);
  const read = await readJsonFile(file, `Fix ${PROJECT_FILE}, or scan the synthesized output folder directly.`);
  if (!read.ok) return { diagnostic: read.diagnostic };
  const output = (read.value as { output?: unknown } | null)?.output;
  const outDir = resolve(folder, typeof output === 'string' ? output : DEFAULT_OUTPUT);
  if (await isFile(join(outDir, MANIFEST_FILE))) return { outDir };
  return { diagnostic: notSynthesized(file, outDir) };
}

function notSynthesized(projectFile: string, outDir: string): Diagnostic {
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `${projectFile} makes this a cdktf project, but ${join(outDir, MANIFEST_FILE)} does not exist, so there is nothing synthesized to scan.`,
    hint: 'Run `npx cdktf synth` (or `npx cdktn synth`) first, then scan again.',
    location: { file: projectFile },
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
