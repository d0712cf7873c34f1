import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { parseConfig } from '../../src/engine/config-load.ts';
import { scan } from '../../src/engine/scan.ts';
import { loadPlan } from '../../src/loaders/plan/index.ts';
import { loadTerraform } from '../../src/loaders/terraform/index.ts';
import { renderJson } from '../../src/reporters/json.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { renderText } from '../../src/reporters/text.ts';

/**
 * Runs one input through a loader in a worker thread, so that the test can
 * end a worker stuck in synchronous code. Files go to a fresh folder per input.
 */
export type Target = 'terraform-files' | 'config-text' | 'plan-json' | 'scan';
export interface Job {
  id: number;
  target: Target;
  /** File name to content; a string is written as UTF-8, an array as bytes. */
  files: Record<string, string | number[]>;
}
export type Outcome = { id: number; ok: true; diagnostics: Diagnostic[] } | { id: number; ok: false; error: string };

function writeInputs(files: Job['files']): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zoneguard-property-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : Buffer.from(content));
  }
  return dir;
}

async function runTarget(job: Job, dir: string): Promise<Diagnostic[]> {
  switch (job.target) {
    case 'terraform-files':
      return (await loadTerraform(dir)).diagnostics;
    case 'config-text':
      return parseConfig(path.join(dir, '.zoneguard.yml'), String(job.files['.zoneguard.yml'])).diagnostics;
    case 'plan-json':
      return (await loadPlan(path.join(dir, 'plan.json'))).diagnostics;
    case 'scan': {
      const result = await scan([dir], { cwd: dir });
      // The reporters must render whatever the scan produced.
      renderText(result, { color: false });
      renderJson(result);
      renderSarif(result);
      return result.diagnostics;
    }
  }
}

parentPort!.on('message', async (job: Job) => {
  const dir = writeInputs(job.files);
  let outcome: Outcome;
  try {
    outcome = { id: job.id, ok: true, diagnostics: await runTarget(job, dir) };
  } catch (error) {
    outcome = { id: job.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  parentPort!.postMessage(outcome);
});
