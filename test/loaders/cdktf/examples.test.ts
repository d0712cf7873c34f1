import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.ts';
import type { ScanResult } from '../../../src/engine/result.ts';
import { loadCdktf } from '../../../src/loaders/cdktf/index.ts';
import { EXAMPLES, synthesize } from './synth.ts';

const TERRAFORM_EXAMPLES = resolve(EXAMPLES, '../terraform');
const outDirs: Record<string, string> = {};

beforeAll(async () => {
  const [compliant, noncompliant] = await Promise.all([
    synthesize(join(EXAMPLES, 'portal-compliant')),
    synthesize(join(EXAMPLES, 'portal-noncompliant')),
  ]);
  outDirs.compliant = compliant.outDir;
  outDirs.noncompliant = noncompliant.outDir;
}, 120_000);

afterAll(async () => {
  for (const outDir of Object.values(outDirs)) await rm(dirname(outDir), { recursive: true, force: true });
});

function failedRules(result: ScanResult): string[] {
  return [...new Set(result.findings.filter((finding) => finding.status === 'fail').map((finding) => finding.ruleId))].sort();
}

function errors(result: ScanResult) {
  return result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

describe('the cdktf portal examples, synthesized with the real cdktf package', () => {
  it('writes one portal stack whose every resource carries its construct path', async () => {
    const loaded = await loadCdktf(outDirs.compliant!);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.stacks.map((stack) => stack.name)).toEqual(['portal']);
    const resources = loaded.stacks[0]!.load.resources;
    expect(resources.length).toBeGreaterThan(20);
    for (const resource of resources) expect(resource.constructPath).toMatch(/^portal\//);
    expect(resources.map((resource) => resource.constructPath)).toContain('portal/firewall/web');
  });

  it('finds nothing in the compliant portal', async () => {
    const result = await scan([outDirs.compliant!]);
    expect(errors(result)).toEqual([]);
    expect(result.files.map((file) => file.split('/').slice(-3).join('/'))).toEqual(['stacks/portal/cdk.tf.json']);
    expect(result.findings).toEqual([]);
  });

  it('fires in the non-compliant portal the same rules as the Terraform example', async () => {
    const [synthesized, terraform] = await Promise.all([
      scan([outDirs.noncompliant!]),
      scan([join(TERRAFORM_EXAMPLES, 'portal-noncompliant')]),
    ]);
    expect(errors(synthesized)).toEqual([]);
    expect(failedRules(terraform).length).toBeGreaterThan(5);
    expect(failedRules(synthesized)).toEqual(failedRules(terraform));
    expect(synthesized.findings).toHaveLength(terraform.findings.length);
  });

  it('locates each finding on a cdk.tf.json line and names the construct that made it', async () => {
    const result = await scan([outDirs.noncompliant!]);
    const ssh = result.findings.find(
      (finding) => finding.ruleId === 'management-ports-from-management-zone' && finding.constructPath === 'portal/firewall/web',
    );
    expect(ssh?.location.file.endsWith('stacks/portal/cdk.tf.json')).toBe(true);
    expect(ssh?.location.range?.startLine).toBeGreaterThan(1);
    const withPath = result.findings.filter((finding) => finding.constructPath?.startsWith('portal/'));
    expect(withPath.length).toBeGreaterThan(result.findings.length / 2);
  });
});
