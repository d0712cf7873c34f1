import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { memoryIo } from '../../cli/memory-io.ts';

function group(name: string, port: number): string {
  return `resource "aws_security_group" "${name}" {
  name   = "${name}"
  vpc_id = "vpc-1"
  ingress {
    protocol    = "tcp"
    from_port   = ${port}
    to_port     = ${port}
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zoneguard-baseline-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('baselines', () => {
  it('records findings by fingerprint and fails later only on new ones', async () => {
    await writeFile(join(dir, 'main.tf'), group('ssh', 22) + group('web', 8443));
    const created = await run('baseline', 'create', '.', '--output', 'base.json');
    expect(created.code).toBe(0);
    const file = JSON.parse(await readFile(join(dir, 'base.json'), 'utf8')) as { version: number; findings: Array<{ fingerprint: string; ruleId: string; address: string }> };
    expect(file.version).toBe(1);
    expect(file.findings.map((e) => `${e.ruleId} ${e.address}`)).toContain('management-ports-from-management-zone aws_security_group.ssh');
    expect(file.findings.every((e) => /^[0-9a-f]{32}$/.test(e.fingerprint))).toBe(true);

    // The same findings, moved down by two lines: still in the baseline.
    await writeFile(join(dir, 'main.tf'), `\n\n${group('ssh', 22)}${group('web', 8443)}`);
    const same = await run('scan', '.', '--baseline', 'base.json', '--format', 'json');
    expect(same.code).toBe(0);
    const report = JSON.parse(same.out) as { findings: Array<{ suppression?: { kind: string; reason: string } }>; baseline: { inBaseline: number; fixed: unknown[] } };
    expect(report.findings.every((f) => f.suppression?.kind === 'baseline')).toBe(true);
    expect(report.baseline.inBaseline).toBe(report.findings.length);
    expect(report.baseline.fixed).toEqual([]);

    // A new open port fails; the fixed web group is listed.
    await writeFile(join(dir, 'main.tf'), group('ssh', 22) + group('rdp', 3389));
    const changed = await run('scan', '.', '--baseline', 'base.json', '--no-color');
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/Baseline: \d+ findings? in baseline \(not counted\), 1 baseline entry fixed since/);
    expect(changed.out).toContain('internet-ingress-dmz-only  aws_security_group.web  (main.tf)');
    expect(changed.out).toContain('aws_security_group.rdp');
  });

  it.each([
    ['not json', '{ nope'],
    ['wrong tool', JSON.stringify({ version: 1, tool: 'other', findings: [] })],
    ['bad entry', JSON.stringify({ version: 1, tool: 'zoneguard', findings: [{ fingerprint: 'x' }] })],
    ['other version', JSON.stringify({ version: 9, tool: 'zoneguard', findings: [] })],
  ])('refuses a malformed baseline (%s) with exit 2 and a message', async (_name, text) => {
    await writeFile(join(dir, 'main.tf'), group('ssh', 22));
    await writeFile(join(dir, 'base.json'), text);
    const result = await run('scan', '.', '--baseline', 'base.json');
    expect(result.code).toBe(2);
    expect(result.err).toContain('base.json');
    expect(result.err).toContain('zoneguard baseline create');
  });
});

describe('zoneguard suppressions', () => {
  it('lists inline suppressions and config waivers with whether they matched', async () => {
    await writeFile(join(dir, 'main.tf'), `# zoneguard:ignore service-insecure-protocol, internet-ingress-dmz-only -- approved by Le Van C, until 2027-06-30\n${group('ftp', 21)}`);
    await writeFile(join(dir, '.zoneguard.yml'), 'waivers:\n  - rule: storage-raid\n    address: "aws_instance.*"\n    reason: mirrored by the OS\n');
    const listed = await run('suppressions', '.', '--format', 'json');
    expect(listed.code).toBe(0);
    const { suppressions } = JSON.parse(listed.out) as { suppressions: Array<Record<string, unknown>> };
    expect(suppressions).toEqual([
      expect.objectContaining({ kind: 'inline', ruleId: 'service-insecure-protocol', scope: 'aws_security_group.ftp', status: 'matched', matched: 1, approver: 'Le Van C', expires: '2027-06-30', location: expect.objectContaining({ file: 'main.tf' }) }),
      expect.objectContaining({ kind: 'inline', ruleId: 'internet-ingress-dmz-only', status: 'matched' }),
      expect.objectContaining({ kind: 'config', ruleId: 'storage-raid', scope: 'address aws_instance.*', status: 'unused', matched: 0 }),
    ]);
    const text = await run('suppressions', '.');
    expect(text.out).toContain('RULE');
    expect(text.out).toMatch(/storage-raid\s+address aws_instance\.\*\s+unused/);
  });
});
