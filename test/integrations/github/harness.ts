import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../../src/cli/main.ts';
import { memoryIo } from '../../cli/memory-io.ts';
import type { MockFile } from './mock-github.ts';

export const TOKEN = 'ghs_TestTokenThatMustNeverBePrinted1234';

/** A checkout in a temp folder, with the files of one commit. */
export function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'zoneguard-gh-'));
  writeCommit(root, files);
  return root;
}

export function writeCommit(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

/** The list-files entry of a file the pull request adds. */
export function added(filename: string, text: string): MockFile {
  const lines = text.replace(/\n$/, '').split('\n');
  return { filename, status: 'added', patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join('\n')}` };
}

export interface RunOptions {
  apiUrl: string;
  root: string;
  sha: string;
  args?: string[];
  cwd?: string;
  event?: object;
  serverUrl?: string;
  env?: Record<string, string>;
}

export interface RunOutcome {
  code: number;
  stdout: string;
  stderr: string;
  stepSummary: string;
  outputs: string;
}

/** Runs `zoneguard github` in-process, the way the Action's step runs it. */
export async function runAction(options: RunOptions): Promise<RunOutcome> {
  const work = mkdtempSync(path.join(tmpdir(), 'zoneguard-gh-run-'));
  const eventPath = path.join(work, 'event.json');
  const event = options.event ?? {
    pull_request: {
      number: 42,
      head: { sha: options.sha, repo: { full_name: 'example-org/infra', fork: false } },
      base: { repo: { full_name: 'example-org/infra', fork: false } },
    },
  };
  writeFileSync(eventPath, JSON.stringify(event));
  const stepSummary = path.join(work, 'step-summary.md');
  const outputs = path.join(work, 'outputs.txt');
  writeFileSync(stepSummary, '');
  writeFileSync(outputs, '');
  const io = memoryIo(options.cwd ?? options.root, {
    env: {
      GITHUB_TOKEN: TOKEN,
      GITHUB_REPOSITORY: 'example-org/infra',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: options.apiUrl,
      GITHUB_SERVER_URL: options.serverUrl ?? 'https://github.test.invalid',
      GITHUB_WORKSPACE: options.root,
      GITHUB_STEP_SUMMARY: stepSummary,
      GITHUB_OUTPUT: outputs,
      GITHUB_RUN_ID: '77',
      GITHUB_SHA: options.sha,
      ...options.env,
    },
  });
  const code = await main(['github', '.', '--github-second-ms', '1', ...(options.args ?? [])], io);
  return {
    code,
    stdout: io.out(),
    stderr: io.err(),
    stepSummary: readFileSync(stepSummary, 'utf8'),
    outputs: readFileSync(outputs, 'utf8'),
  };
}
