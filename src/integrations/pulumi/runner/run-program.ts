import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createDebug from 'debug';
import type { CaptureOutput } from './captured.ts';
import type { PulumiProject } from './project.ts';

const debug = createDebug('zoneguard:integrations:pulumi-runner');

const CHILD = fileURLToPath(new URL('./capture-child.ts', import.meta.url));
const TSX = fileURLToPath(import.meta.resolve('tsx'));

export interface RunOptions {
  stack: string;
  /** Stop the program after this many milliseconds; it may wait on something that never comes. */
  timeoutMs: number;
}

/**
 * Runs the program in a child Node process under Pulumi's mock runtime and
 * returns what it registered. The program is the user's code: it runs with
 * the user's rights, so the caller asks for it explicitly (`--pulumi-program`).
 * Resolves with `error` set when the program failed; rejects only on bugs.
 */
export async function runProgram(project: PulumiProject, options: RunOptions): Promise<CaptureOutput> {
  const scratch = await mkdtemp(join(tmpdir(), 'zoneguard-pulumi-'));
  const outFile = join(scratch, 'capture.json');
  try {
    const exit = await runChild(project, outFile, options);
    const written = await readFile(outFile, 'utf8').catch(() => undefined);
    const output: CaptureOutput = written === undefined ? { project: project.name, stack: options.stack, resources: [] } : JSON.parse(written);
    if (exit.code !== 0 && output.error === undefined) output.error = exit.reason;
    // Registration order follows promise timing; a sorted list keeps fixtures and reports stable.
    output.resources.sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
    debug('captured %d resources from %s', output.resources.length, project.entry);
    return output;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function runChild(project: PulumiProject, outFile: string, options: RunOptions): Promise<{ code: number; reason: string }> {
  const args = ['--import', TSX, CHILD, project.entry, outFile, project.name, options.stack];
  const env = { ...process.env, PULUMI_CONFIG: JSON.stringify(project.config), PULUMI_NODEJS_PROJECT: project.name, PULUMI_NODEJS_STACK: options.stack };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: project.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => debug('program: %s', chunk.toString().trimEnd()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const reason = signal !== null ? `the program was stopped after ${options.timeoutMs} ms (${signal})` : lastLines(stderr) || `the program exited with code ${code}`;
      resolvePromise({ code: code ?? 1, reason });
    });
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-8).join('\n');
}
