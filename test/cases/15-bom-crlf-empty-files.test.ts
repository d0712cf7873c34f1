import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { ScanResult } from '../../src/engine/result.ts';
import type { Finding } from '../../src/engine/types.ts';
import { changedFile } from '../../src/integrations/github/diff.ts';
import { placeFindings } from '../../src/integrations/github/placement.ts';
import { loadTerraform } from '../../src/loaders/terraform/index.ts';
import { memoryIo } from '../cli/memory-io.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const A_TF = [
  '# legacy switch access',
  'resource "aws_security_group" "switch" {',
  '  name   = "switch-mgmt"',
  '  vpc_id = "vpc-1"',
  '  ingress {',
  '    protocol    = "tcp"',
  '    from_port   = 23',
  '    to_port     = 23',
  '    cidr_blocks = ["0.0.0.0/0"]',
  '  }',
  '}',
  '',
  'variable "console_ami" {',
  '  type = string',
  '}',
  '',
  'resource "aws_instance" "switch_console" {',
  '  ami           = var.console_ami',
  '  instance_type = "t3.micro"',
  '  user_data     = <<EOT',
  '#!/bin/sh',
  'echo ready',
  'EOT',
  '}',
  '',
];

/** Written byte for byte: an editor or git would drop the mark or change the line endings. */
function writeCase(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zoneguard-case15-'));
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, 'a.tf'), Buffer.concat([BOM, Buffer.from(A_TF.join('\r\n'))]));
  writeFileSync(path.join(dir, 'terraform.tfvars'), Buffer.concat([BOM, Buffer.from('console_ami = "ami-555"\r\n')]));
  writeFileSync(path.join(dir, 'empty.tf'), '');
  writeFileSync(path.join(dir, 'notes.tf'), '# TODO\n/* block comment */\n');
  return dir;
}

describe('UTF-8 BOM, CRLF line endings, empty and comment-only files', () => {
  let dir: string;
  let report: ScanResult;
  let exit: number;

  beforeAll(async () => {
    dir = writeCase();
    const io = memoryIo(dir);
    exit = await main(['scan', '--format', 'json'], io);
    report = JSON.parse(io.out()) as ScanResult;
  });

  it('parses all four files with no error and no warning', () => {
    const problems = report.diagnostics.filter((diagnostic: Diagnostic) => diagnostic.severity !== 'info');
    expect(problems).toEqual([]);
    expect(report.files).toEqual(expect.arrayContaining(['a.tf', 'empty.tf', 'notes.tf']));
    expect(exit).toBe(1);
  });

  it('reports the switch group three times, at the ingress block with cidr_blocks on line 9', () => {
    const switchFindings = report.findings.filter((finding: Finding) => finding.address === 'aws_security_group.switch');
    expect(switchFindings.map((finding) => finding.ruleId).sort()).toEqual([
      'internet-ingress-dmz-only',
      'management-ports-from-management-zone',
      'service-insecure-protocol',
    ]);
    for (const finding of switchFindings) {
      expect(finding.location.file).toBe('a.tf');
      const lines = [finding.location, ...finding.evidence.map((step) => step.location)].map((location) => location.range?.startLine);
      expect(lines).toContain(9);
      expect(lines.every((line) => line === undefined || (line >= 5 && line <= 10))).toBe(true);
    }
  });

  it('counts CRLF as one line break, and neither the BOM nor \\r as a column', async () => {
    const loaded = await loadTerraform(dir);
    const group = loaded.resources.find((resource) => resource.address === 'aws_security_group.switch')!;
    expect(group.location.range).toMatchObject({ startLine: 2, startColumn: 1, endLine: 11 });
    const ingress = group.body.blocks.find((block) => block.type === 'ingress')!;
    expect(ingress.location.range).toMatchObject({ startLine: 5, startColumn: 3, endLine: 10 });
    const cidr = ingress.body.attributes.cidr_blocks!;
    expect(cidr.location.range).toMatchObject({ startLine: 9, startColumn: 5, endLine: 9, endColumn: 32 });
  });

  it('reads the heredoc ended by EOT\\r\\n, and the variable from the BOM-prefixed terraform.tfvars', async () => {
    const loaded = await loadTerraform(dir);
    const console = loaded.resources.find((resource) => resource.address === 'aws_instance.switch_console')!;
    expect(console.body.attributes.user_data?.value).toBe('#!/bin/sh\necho ready\n');
    expect(console.body.attributes.ami?.value).toBe('ami-555');
    expect(loaded.unresolvedVariables).toEqual([]);
    expect(report.unresolvedVariables).toEqual([]);
  });

  it('places the review comment on line 9 of a.tf', () => {
    const patch = `@@ -0,0 +1,${A_TF.length - 1} @@\n${A_TF.slice(0, -1).map((line) => `+${line}`).join('\n')}`;
    const placement = placeFindings({
      findings: report.findings.filter((finding) => finding.address === 'aws_security_group.switch'),
      files: new Map([['a.tf', changedFile({ filename: 'a.tf', status: 'added', patch })]]),
      earlier: [],
      paths: { repositoryRoot: dir },
      maxInline: 50,
    });
    expect(placement.summaryOnly).toEqual([]);
    expect(placement.inline.map((comment) => `${comment.path}:${comment.line}`)).toEqual(['a.tf:9', 'a.tf:9', 'a.tf:9']);
  });
});
