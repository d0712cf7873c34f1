import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createDebug from 'debug';
import type { Diagnostic } from '../../diagnostics.ts';
import type { Finding, Language } from '../../engine/types.ts';

const debug = createDebug('zoneguard:integrations:cdktf-scan');
const ZONEGUARD_BIN = fileURLToPath(new URL('../../../bin/zoneguard.js', import.meta.url));

/** The file name the stack is written under, so findings read like those of `zoneguard scan cdktf.out`. */
export const STACK_FILE = 'cdk.tf.json';

export interface StackScan {
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Why the scan did not run: the first lines the CLI wrote to stderr, or its exit code. */
  failure?: string;
}

export interface StackScanRequest {
  configFile?: string;
  language: Language;
}

/**
 * Scans one stack's Terraform JSON synchronously. Aspects run inside the
 * synchronous `app.synth()`, but the scan is asynchronous from end to end
 * (file reads, the WASM parser, rule modules loaded by import). So the scan
 * runs in a child process, the zoneguard CLI itself, on a temp folder that
 * contains the stack as `cdk.tf.json`. The stack is therefore checked by
 * exactly the code, pack and config that `zoneguard scan cdktf.out` uses.
 */
export function scanStackJson(stackJson: unknown, request: StackScanRequest): StackScan {
  const folder = mkdtempSync(join(tmpdir(), 'zoneguard-cdktf-stack-'));
  try {
    writeFileSync(join(folder, STACK_FILE), JSON.stringify(stackJson, null, 2));
    return runCli(folder, request);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function runCli(folder: string, request: StackScanRequest): StackScan {
  const args = [ZONEGUARD_BIN, 'scan', folder, '--format', 'json', '--lang', request.language];
  if (request.configFile !== undefined) args.push('--config', request.configFile);
  debug('running %o', args);
  const child = spawnSync(process.execPath, args, { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    const report = JSON.parse(child.stdout) as { findings: Finding[]; notEvaluated?: Finding[]; diagnostics: Diagnostic[] };
    return { findings: [...report.findings, ...(report.notEvaluated ?? [])], diagnostics: report.diagnostics };
  } catch {
    const stderr = child.stderr || String(child.error ?? '');
    const reason = stderr.trim().split('\n').slice(0, 5).join(' ') || `exit code ${child.status}`;
    debug('scan failed with exit code %s: %s', child.status, stderr);
    return { findings: [], diagnostics: [], failure: reason };
  }
}
