import { resolve } from 'node:path';
import type { CaptureOutput } from '../../../src/integrations/pulumi/runner/captured.ts';
import { readProject } from '../../../src/integrations/pulumi/runner/project.ts';
import { runProgram } from '../../../src/integrations/pulumi/runner/run-program.ts';

export const EXAMPLES = resolve(import.meta.dirname, '../../../examples');

/** Runs one Pulumi example under the mock runtime, as `--pulumi-program` does. */
export async function captureExample(name: string): Promise<CaptureOutput> {
  const project = await readProject(resolve(EXAMPLES, 'pulumi', name), 'dev');
  if (typeof project === 'string') throw new Error(project);
  return runProgram(project, { stack: 'dev', timeoutMs: 120_000 });
}
