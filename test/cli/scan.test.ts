import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from './memory-io.ts';
import { BROKEN, RDP_OPEN, writeRepo } from './terraform-fixtures.ts';

describe('zoneguard scan', () => {
  it('exits 1 when a finding reaches the threshold', async () => {
    const repo = writeRepo({ 'main.tf': RDP_OPEN });
    const io = memoryIo(repo);
    expect(await main(['scan'], io)).toBe(1);
    expect(io.out()).toContain('main.tf:');
    expect(io.out()).toContain('management-ports-from-management-zone');
    expect(io.out()).not.toContain('\u001b[');
  });

  it('exits 0 when no finding reaches the threshold', async () => {
    const repo = writeRepo({ 'main.tf': RDP_OPEN });
    const io = memoryIo(repo);
    expect(await main(['scan', '.', '--severity-threshold', 'critical'], io)).toBe(0);
  });

  it('takes the threshold from the config file', async () => {
    const repo = writeRepo({ 'main.tf': RDP_OPEN, '.zoneguard.yml': 'severityThreshold: critical\n' });
    expect(await main(['scan'], memoryIo(repo))).toBe(0);
  });

  it('exits 0 with no issues for a folder without resources', async () => {
    const repo = writeRepo({ 'main.tf': 'variable "region" {\n  default = "ap-southeast-1"\n}\n' });
    const io = memoryIo(repo);
    expect(await main(['scan', repo], io)).toBe(0);
    expect(io.out()).toContain('No issues found in 1 file.');
  });

  it('exits 2 when a file could not be parsed, despite findings', async () => {
    const repo = writeRepo({ 'main.tf': RDP_OPEN, 'broken.tf': BROKEN });
    const io = memoryIo(repo);
    expect(await main(['scan'], io)).toBe(2);
    expect(io.out()).toContain('Files not scanned (1)');
    expect(io.out()).toMatch(/broken\.tf:[78]:\d+/);
    expect(io.out()).toContain('management-ports-from-management-zone');
    expect(io.out()).not.toContain('No issues found');
  });

  it('scans on, exiting 2, with an invalid config', async () => {
    const repo = writeRepo({ 'main.tf': RDP_OPEN, '.zoneguard.yml': 'failOnUnknown: maybe\n' });
    const io = memoryIo(repo);
    expect(await main(['scan'], io)).toBe(2);
    expect(io.err()).toContain('.zoneguard.yml (line 1, column 1), `failOnUnknown` must be boolean');
    expect(io.out()).toContain('management-ports-from-management-zone');
  });

  it('exits 2 for a folder with nothing to scan', async () => {
    const io = memoryIo(writeRepo({ 'notes.txt': 'not terraform\n' }));
    expect(await main(['scan'], io)).toBe(2);
    expect(io.out()).toContain('nothing was scanned');
    expect(io.out()).not.toContain('No issues found');
  });

  it('exits 2 for a named file no loader reads', async () => {
    const repo = writeRepo({ 'main.tf': RDP_OPEN, 'plan.json': '{"format_version":' });
    const io = memoryIo(repo);
    expect(await main(['scan', 'plan.json', '.'], io)).toBe(2);
    expect(io.out()).toContain('plan.json is not a file zoneguard reads');
    expect(io.out()).toContain('management-ports-from-management-zone');
  });

  it('exits 2 for an invalid port range', async () => {
    const rule = 'resource "aws_security_group" "s" {\n  ingress {\n    protocol    = "tcp"\n' +
      '    from_port   = 0\n    to_port     = 99999999\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
    const io = memoryIo(writeRepo({ 'main.tf': rule }));
    expect(await main(['scan'], io)).toBe(2);
    expect(io.out()).toContain('invalid-port-range');
  });

  it('counts a file with several errors once', async () => {
    const repo = writeRepo({ 'main.tf': RDP_OPEN, 'dc.zoneguard.yml': 'organisation: 1\nsites: 5\nextra: true\n' });
    const io = memoryIo(repo);
    expect(await main(['scan', '.', '--design', 'dc.zoneguard.yml'], io)).toBe(2);
    expect(io.out()).toContain('Files not scanned (1)');
    expect(io.out()).toContain('1 file not scanned');
  });

  it('prints a usage error without a stack trace', async () => {
    const io = memoryIo(writeRepo({}));
    expect(await main(['scan', '--format', 'xml'], io)).toBe(2);
    expect(io.err()).toContain("argument 'xml' is invalid. Allowed choices are text, json, sarif, html.");
    expect(io.err()).toContain("Run 'zoneguard --help'");
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed --var', async () => {
    const io = memoryIo(writeRepo({ 'main.tf': RDP_OPEN }));
    expect(await main(['scan', '--var', 'admin_cidr'], io)).toBe(2);
    expect(io.err()).toContain('is not of the form NAME=VALUE');
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('rejects a missing --var-file', async () => {
    const io = memoryIo(writeRepo({ 'main.tf': RDP_OPEN }));
    expect(await main(['scan', '--var-file', 'prod.tfvars'], io)).toBe(2);
    expect(io.err()).toContain('prod.tfvars given to --var-file was not found');
  });

  it('writes parseable JSON', async () => {
    const io = memoryIo(writeRepo({ 'main.tf': RDP_OPEN }));
    expect(await main(['scan', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.tool.name).toBe('zoneguard');
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings[0].location.file).toBe('main.tf');
  });

  it('writes the report to --output', async () => {
    const repo = writeRepo({ 'main.tf': RDP_OPEN });
    const io = memoryIo(repo);
    expect(await main(['scan', '--format', 'sarif', '--output', 'out/../report.sarif'], io)).toBe(1);
    const file = path.join(repo, 'report.sarif');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0');
    expect(io.out()).toBe('');
    expect(io.err()).toContain('Wrote the sarif report to');
  });

  it('prints Vietnamese labels with --lang vi', async () => {
    const io = memoryIo(writeRepo({ 'main.tf': RDP_OPEN }));
    await main(['scan', '--lang', 'vi'], io);
    expect(io.out()).toContain('Khắc phục:');
    expect(io.out()).toContain('CAO');
  });

  it('picks Vietnamese from LANG', async () => {
    const io = memoryIo(writeRepo({ 'main.tf': RDP_OPEN }), { env: { LANG: 'vi_VN.UTF-8' } });
    await main(['scan'], io);
    expect(io.out()).toContain('Khắc phục:');
  });

  it('colours a terminal unless NO_COLOR is set', async () => {
    const repo = writeRepo({ 'main.tf': RDP_OPEN });
    const tty = { stdout: true, stderr: false };
    const coloured = memoryIo(repo, { isTTY: tty });
    await main(['scan'], coloured);
    expect(coloured.out()).toContain('\u001b[');
    const noColor = memoryIo(repo, { isTTY: tty, env: { NO_COLOR: '1' } });
    await main(['scan'], noColor);
    expect(noColor.out()).not.toContain('\u001b[');
    const flag = memoryIo(repo, { isTTY: tty });
    await main(['scan', '--no-color'], flag);
    expect(flag.out()).not.toContain('\u001b[');
  });
});
