import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DiagnosticCode } from '../../src/diagnostics.ts';
import { DeadlineWorker, type Result } from './deadline-worker.ts';
import { hclDocument, planDocument, randomBytes, tfJsonDocument, tokenSoup, yamlConfig } from './generators.ts';
import type { Job } from './property-worker.ts';

/**
 * Random input must give a result or a clean diagnostic: never an exception,
 * a crash of the thread, or a hang. The seed is fixed so that a run can be
 * repeated; set ZONEGUARD_PROPERTY_SEED to explore others. fast-check prints
 * the seed and the shrunk counterexample on failure.
 */
const SEED = Number(process.env.ZONEGUARD_PROPERTY_SEED ?? 2926);
/** Far above what any of these small inputs needs; only a hang reaches it. */
const DEADLINE_MS = 10_000;
const CODES: DiagnosticCode[] = [
  'parse-error', 'file-unreadable', 'invalid-cidr', 'invalid-port-range', 'invalid-protocol', 'unresolved-variable',
  'module-not-followed', 'evaluation-error', 'unsupported-format', 'config-invalid', 'suppression-invalid',
  'suppression-unused', 'suppression-expired', 'non-canonical-cidr', 'rule-error',
];

const worker = new DeadlineWorker(DEADLINE_MS);
// The first job starts the worker, which loads the parser; that is not a hang.
beforeAll(() => worker.run({ target: 'terraform-files', files: { 'main.tf': 'locals {}\n' } }, 60_000), 90_000);
afterAll(() => worker.stop());

/** A diagnostic a user can act on: a known code, a sentence, and a file when it names one. */
function problemsOf(diagnostic: Diagnostic): string[] {
  const problems: string[] = [];
  if (!CODES.includes(diagnostic.code)) problems.push(`unknown code ${diagnostic.code}`);
  if (!['error', 'warning', 'info'].includes(diagnostic.severity)) problems.push(`unknown severity ${diagnostic.severity}`);
  if (typeof diagnostic.message !== 'string' || diagnostic.message.trim().length < 10) problems.push('no message');
  if (/\bat .+:\d+:\d+\)?$/m.test(diagnostic.message)) problems.push('a stack trace in the message');
  if (diagnostic.code === 'rule-error') problems.push(`a rule threw: ${diagnostic.message}`);
  const range = diagnostic.location?.range;
  if (range && (range.startLine < 1 || range.startColumn < 1)) problems.push('a line or column below 1');
  return problems;
}

async function cleanRun(job: Omit<Job, 'id'>): Promise<void> {
  const result: Result = await worker.run(job);
  if (!result.ok) throw new Error(`${job.target} ${'hung' in result ? 'hung' : 'threw'}: ${result.error}`);
  const problems = result.diagnostics.flatMap((diagnostic) => problemsOf(diagnostic).map((problem) => `${problem}: ${JSON.stringify(diagnostic)}`));
  expect(problems).toEqual([]);
}

const options = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });

describe('random input gives a result or a clean diagnostic', { timeout: 60_000 }, () => {
  it('evaluates random HCL expressions', async () => {
    await fc.assert(fc.asyncProperty(hclDocument, (text) => cleanRun({ target: 'terraform-files', files: { 'main.tf': text } })), options(150));
  });

  it('scans random HCL end to end and renders every report', async () => {
    await fc.assert(fc.asyncProperty(hclDocument, (text) => cleanRun({ target: 'scan', files: { 'main.tf': text } })), options(60));
  });

  it('parses token soup, as .tf and as terraform.tfvars', async () => {
    await fc.assert(
      fc.asyncProperty(tokenSoup, tokenSoup, (tf, tfvars) =>
        cleanRun({ target: 'terraform-files', files: { 'main.tf': tf, 'terraform.tfvars': tfvars, 'variables.tf': 'variable "a" {}\n' } }),
      ),
      options(150),
    );
  });

  it('reads random bytes as .tf, .tf.json and .tfvars.json', async () => {
    await fc.assert(
      fc.asyncProperty(randomBytes, (bytes) =>
        cleanRun({ target: 'terraform-files', files: { 'main.tf': bytes, 'other.tf.json': bytes, 'terraform.tfvars.json': bytes, 'v.tf': 'variable "a" {}\n' } }),
      ),
      options(100),
    );
  });

  it('reads random JSON as .tf.json and as terraform.tfvars.json', async () => {
    await fc.assert(
      fc.asyncProperty(tfJsonDocument, tfJsonDocument, (config, variables) =>
        cleanRun({ target: 'terraform-files', files: { 'main.tf.json': config, 'terraform.tfvars.json': variables } }),
      ),
      options(150),
    );
  });

  it('reads random YAML configs', async () => {
    await fc.assert(fc.asyncProperty(yamlConfig, (text) => cleanRun({ target: 'config-text', files: { '.zoneguard.yml': text } })), options(200));
  });

  it('reads random plan JSON', async () => {
    await fc.assert(fc.asyncProperty(planDocument, (text) => cleanRun({ target: 'plan-json', files: { 'plan.json': text } })), options(150));
  });
});
