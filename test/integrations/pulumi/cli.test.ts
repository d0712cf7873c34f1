import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './capture-example.ts';

/** `zoneguard scan` on Pulumi inputs, through the real command line. */

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../../bin/zoneguard.js');

async function zoneguard(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args], { cwd: resolve(EXAMPLES, '..') });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

function failures(stdout: string): string[] {
  const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string; address: string; status: string }> };
  return report.findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId} ${f.address}`).sort();
}

describe('zoneguard scan on Pulumi inputs', () => {
  it('recognises a preview by its content and exits 1 on its findings', async () => {
    const { code, stdout } = await zoneguard(['scan', 'examples/pulumi/portal-noncompliant/preview.json', '--format', 'json']);
    expect(code).toBe(1);
    expect(failures(stdout)).toContain('internet-ingress-dmz-only aws:ec2/securityGroup:SecurityGroup::web');
  }, 60_000);

  it('runs a program with --pulumi-program, alone, with the same failures as its preview', async () => {
    const fromProgram = await zoneguard(['scan', '--pulumi-program', 'examples/pulumi/portal-noncompliant', '--format', 'json']);
    const fromPreview = await zoneguard(['scan', 'examples/pulumi/portal-noncompliant/preview.json', '--format', 'json']);
    expect(fromProgram.code).toBe(1);
    expect(failures(fromProgram.stdout)).toEqual(failures(fromPreview.stdout));
  }, 120_000);

  it('exits on the compliant stack export as on its Terraform twin', async () => {
    const pulumi = await zoneguard(['scan', 'examples/pulumi/portal-compliant/stack-export.json']);
    const terraform = await zoneguard(['scan', 'examples/terraform/portal-compliant']);
    expect(pulumi.code).toBe(terraform.code);
    expect(pulumi.code).not.toBe(2);
  }, 60_000);
});
