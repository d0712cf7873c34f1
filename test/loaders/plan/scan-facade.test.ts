import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.ts';

const CASE_18 = join(import.meta.dirname, 'fixtures/case-18/plan.json');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zoneguard-plan-scan-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scan routes plans by content', () => {
  it('scans a plan given under any file name', async () => {
    const plan = join(dir, 'changes.out.txt');
    await copyFile(CASE_18, plan);
    const result = await scan([plan], { cwd: dir });
    const keys = result.findings.map((f) => `${f.ruleId} ${f.address}`).sort();
    expect(keys).toEqual([
      'internet-ingress-dmz-only aws_security_group.admin',
      'management-ports-from-management-zone aws_security_group.admin',
    ]);
    expect(result.files).toContain(plan);
  });

  it('reads sources from sourceDir', async () => {
    const plan = join(dir, 'plan.json');
    await copyFile(CASE_18, plan);
    const sources = join(dir, 'src');
    await mkdir(sources);
    await writeFile(join(sources, 'main.tf'), 'resource "aws_security_group" "admin" {\n  name = "admin"\n}\n');
    const result = await scan([plan], { cwd: dir, sourceDir: 'src' });
    for (const finding of result.findings) {
      expect(finding.location.file).toBe(join(sources, 'main.tf'));
      expect(finding.location.range?.startLine).toBe(1);
    }
  });

  it('reports a plan of an unknown major version as unsupported-format', async () => {
    const plan = join(dir, 'plan.json');
    await writeFile(plan, JSON.stringify({ format_version: '2.0', planned_values: {} }));
    const result = await scan([plan], { cwd: dir });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'unsupported-format', severity: 'error', location: { file: plan } }),
    );
  });

  it('still scans a .tf file as its folder', async () => {
    await writeFile(join(dir, 'main.tf'), 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n');
    const result = await scan([join(dir, 'main.tf')], { cwd: dir });
    expect(result.files).toContain(join(dir, 'main.tf'));
  });
});
