import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../../..');
const TSX = join(REPO, 'node_modules/.bin/tsx');

export const EXAMPLES = join(REPO, 'examples/cdktf');

/**
 * Synthesizes a cdktf program the way `cdktf synth` runs it: the app's main
 * file in a child process, with `CDKTF_OUTDIR` naming a fresh temp folder.
 * Returns the output folder and what the program printed.
 */
export async function synthesize(
  folder: string,
  script = 'main.ts',
  env: Record<string, string> = {},
): Promise<{ outDir: string; stdout: string; stderr: string }> {
  const outDir = join(await mkdtemp(join(tmpdir(), 'zoneguard-cdktf-')), 'cdktf.out');
  const { stdout, stderr } = await run(TSX, [script], {
    cwd: folder,
    env: { ...process.env, ...env, CDKTF_OUTDIR: outDir },
  });
  return { outDir, stdout, stderr };
}
