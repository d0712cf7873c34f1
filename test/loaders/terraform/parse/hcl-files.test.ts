import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../../src/loaders/terraform/parse/index.ts';
import { parseText, range } from './helpers.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const CRLF_SOURCE = [
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
  'resource "aws_instance" "switch_console" {',
  '  ami           = var.console_ami',
  '  user_data     = <<EOT',
  '#!/bin/sh',
  'echo ready',
  'EOT',
  '}',
  '',
].join('\r\n');

describe('byte order mark and CRLF', () => {
  it('locates blocks and attributes as without them', async () => {
    const file = await parseFile('/m/a.tf', Buffer.concat([BOM, Buffer.from(CRLF_SOURCE)]));
    expect(file.diagnostics).toEqual([]);
    const group = file.body.blocks[0]!;
    expect(group.location.range).toEqual(range([2, 1], [11, 2]));
    const ingress = group.body.blocks[0]!;
    expect(ingress.type).toBe('ingress');
    expect(ingress.location.range).toEqual(range([5, 3], [10, 4]));
    const cidrBlocks = ingress.body.attributes.find((attribute) => attribute.name === 'cidr_blocks')!;
    expect(cidrBlocks.location.range).toEqual(range([9, 5], [9, 32]));
    expect(file.comments).toEqual([{ file: '/m/a.tf', line: 1, text: 'legacy switch access', trailing: false }]);
  });

  it('ends a heredoc at a terminator followed by CRLF', async () => {
    const file = await parseFile('/m/a.tf', Buffer.concat([BOM, Buffer.from(CRLF_SOURCE)]));
    const instance = file.body.blocks[1]!;
    const userData = instance.body.attributes.find((attribute) => attribute.name === 'user_data')!;
    expect(userData.expression).toMatchObject({ kind: 'template', parts: [{ kind: 'literal', text: '#!/bin/sh\necho ready\n' }] });
    expect(userData.location.range).toEqual(range([15, 3], [18, 4]));
  });

  it('reads a BOM-prefixed CRLF tfvars file', async () => {
    const file = await parseFile('/m/terraform.tfvars', Buffer.concat([BOM, Buffer.from('console_ami = "ami-555"\r\n')]));
    expect(file.diagnostics).toEqual([]);
    expect(file.body.attributes[0]).toMatchObject({
      name: 'console_ami',
      expression: { kind: 'template', parts: [{ kind: 'literal', text: 'ami-555' }] },
      location: { range: range([1, 1], [1, 24]) },
    });
  });

  it('parses an empty file without diagnostics', async () => {
    const file = await parseFile('/m/empty.tf', Buffer.alloc(0));
    expect(file.diagnostics).toEqual([]);
    expect(file.body).toEqual({ attributes: [], blocks: [] });
  });

  it('parses a comment-only file without diagnostics', async () => {
    const file = await parseFile('/m/notes.tf', Buffer.from('# TODO\r\n/* block comment */\r\n'));
    expect(file.diagnostics).toEqual([]);
    expect(file.comments.map((comment) => comment.text)).toEqual(['TODO', 'block comment']);
  });
});

describe('columns of non-ASCII text', () => {
  it('counts UTF-16 code units, not bytes', async () => {
    const first = 'mô_tả = "Vùng quản trị 中文"';
    const second = 'c = { tên = "Hải quan", d = 2 }';
    expect(Buffer.byteLength(first)).toBeGreaterThan(first.length);
    const file = await parseText(`${first}\n${second}\n`);
    expect(file.diagnostics).toEqual([]);
    const [description, tags] = file.body.attributes;
    expect(description!.location.range).toEqual(range([1, 1], [1, first.length + 1]));
    const afterVietnamese = second.indexOf('d = 2') + 1;
    expect(tags!.expression).toMatchObject({
      items: [{}, { location: { range: range([2, afterVietnamese], [2, afterVietnamese + 5]) } }],
    });
  });

  it('counts a character outside the BMP as two columns', async () => {
    const file = await parseText('a = "😀" \nb = 1');
    expect(file.body.attributes[0]!.expression.location.range).toEqual(range([1, 5], [1, 9]));
  });
});

describe('comments', () => {
  it('marks trailing comments and splits block comments by line', async () => {
    const file = await parseText(
      [
        '# heading',
        'resource "a" "b" { // opens',
        '  x = 1 /* inline */',
        '  /* first',
        '   * second',
        '   */',
        '}',
      ].join('\n'),
    );
    expect(file.comments.map(({ line, text, trailing }) => ({ line, text, trailing }))).toEqual([
      { line: 1, text: 'heading', trailing: false },
      { line: 2, text: 'opens', trailing: true },
      { line: 3, text: 'inline', trailing: true },
      { line: 4, text: 'first', trailing: false },
      { line: 5, text: 'second', trailing: false },
      { line: 6, text: '', trailing: false },
    ]);
  });

  it('does not read # inside strings and heredocs as comments', async () => {
    const file = await parseText('a = "# no"\nb = <<EOT\n# nor this\nEOT\n');
    expect(file.comments).toEqual([]);
  });
});

describe('block headers', () => {
  it('lists every block with addresses for top-level resources, data and modules', async () => {
    const file = await parseText(
      [
        'resource "aws_security_group" "web" {',
        '  ingress {}',
        '  dynamic "egress" {',
        '    content {}',
        '  }',
        '}',
        'data "aws_vpc" "main" {}',
        'module "net" {',
        '  source = "./net"',
        '}',
        'variable "x" {}',
        'locals {}',
      ].join('\n'),
    );
    expect(file.headers.map(({ type, labels, address }) => ({ type, labels, address }))).toEqual([
      { type: 'resource', labels: ['aws_security_group', 'web'], address: 'aws_security_group.web' },
      { type: 'ingress', labels: [], address: undefined },
      { type: 'dynamic', labels: ['egress'], address: undefined },
      { type: 'content', labels: [], address: undefined },
      { type: 'data', labels: ['aws_vpc', 'main'], address: 'data.aws_vpc.main' },
      { type: 'module', labels: ['net'], address: 'module.net' },
      { type: 'variable', labels: ['x'], address: undefined },
      { type: 'locals', labels: [], address: undefined },
    ]);
    expect(file.headers[1]!.location.range).toEqual(range([2, 3], [2, 13]));
  });

  it('reads bare-word labels', async () => {
    const file = await parseText('resource aws_instance web {}\n');
    expect(file.body.blocks[0]!.labels).toEqual(['aws_instance', 'web']);
    expect(file.headers[0]!.address).toBe('aws_instance.web');
  });
});

describe('parse errors', () => {
  const BROKEN_TF = [
    'resource "aws_security_group" "half" {',
    '  name = "half"',
    '  ingress {',
    '    protocol    = "tcp"',
    '    from_port   = 22',
    '    to_port     = 22',
    '    cidr_blocks = ["0.0.0.0/0"',
    '  }',
    '}',
    '',
  ].join('\n');

  it('reports an unclosed list where it is detected', async () => {
    const file = await parseText(BROKEN_TF, '/m/broken.tf');
    expect(file.diagnostics).toHaveLength(1);
    const [diagnostic] = file.diagnostics;
    expect(diagnostic!.code).toBe('parse-error');
    expect(diagnostic!.severity).toBe('error');
    expect(diagnostic!.location!.file).toBe('/m/broken.tf');
    expect([7, 8]).toContain(diagnostic!.location!.range!.startLine);
    expect(diagnostic!.message).toContain('/m/broken.tf');
    expect(diagnostic!.message).toContain(`line ${diagnostic!.location!.range!.startLine}`);
    expect(diagnostic!.hint).toContain('terraform validate');
  });

  it('still returns the recovered body', async () => {
    const file = await parseText(BROKEN_TF, '/m/broken.tf');
    expect(file.body.blocks[0]!.labels).toEqual(['aws_security_group', 'half']);
  });

  it('reports a missing value in a tfvars file on its line', async () => {
    const file = await parseText('admin_cidr =\n', '/m/broken.auto.tfvars');
    expect(file.diagnostics).toHaveLength(1);
    expect(file.diagnostics[0]).toMatchObject({
      code: 'parse-error',
      severity: 'error',
      location: { file: '/m/broken.auto.tfvars', range: { startLine: 1, startColumn: 13 } },
    });
  });

  it('reports an unexpected token on its line', async () => {
    const file = await parseText('a = 1\nb = [1,\nc = 3\n');
    expect(file.diagnostics[0]!.location!.range!.startLine).toBe(2);
  });

  it('reports an unclosed block', async () => {
    const file = await parseText('resource "a" "b" {\n  x = 1\n');
    expect(file.diagnostics[0]).toMatchObject({ code: 'parse-error', severity: 'error' });
  });

  it('reports an unterminated heredoc', async () => {
    const file = await parseText('a = <<EOT\nnever closed\n');
    expect(file.diagnostics[0]).toMatchObject({ code: 'parse-error', severity: 'error' });
  });

  it('reports a top-level object', async () => {
    const file = await parseText('{ a = 1 }\n', '/m/x.tfvars');
    expect(file.diagnostics[0]).toMatchObject({ code: 'parse-error', severity: 'error' });
  });

  it('survives 10,000 levels of nesting', async () => {
    const depth = 10_000;
    const file = await parseText(`x = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`);
    const nested = file.body.attributes[0]?.expression;
    const reported = file.diagnostics.some((diagnostic) => diagnostic.code === 'parse-error');
    expect(reported || nested?.kind === 'literal').toBe(true);
  });

  it('survives 10,000 chained operators', async () => {
    const file = await parseText(`x = ${Array.from({ length: 10_000 }, () => '1').join(' + ')}\n`);
    const reported = file.diagnostics.some((diagnostic) => diagnostic.code === 'parse-error');
    expect(reported || file.body.attributes[0]?.expression.kind === 'binary').toBe(true);
  });
});

describe('unreadable input', () => {
  it('rejects a binary file at its NUL byte', async () => {
    const file = await parseFile('/m/blob.tf', Buffer.from('a = 1\nb\u0000c\n'));
    expect(file.diagnostics).toEqual([
      expect.objectContaining({
        code: 'file-unreadable',
        severity: 'error',
        location: { file: '/m/blob.tf', range: range([2, 2], [2, 3]) },
      }),
    ]);
    expect(file.body).toEqual({ attributes: [], blocks: [] });
  });

  it('rejects invalid UTF-8 at the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('a = "é"\nb = "'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]);
    const file = await parseFile('/m/latin.tf', bytes);
    expect(file.diagnostics[0]).toMatchObject({
      code: 'file-unreadable',
      severity: 'error',
      location: { range: { startLine: 2, startColumn: 6 } },
    });
    expect(file.diagnostics[0]!.hint).toContain('UTF-8');
  });

  it('reports a file that cannot be read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'zoneguard-parse-'));
    const file = await parseFile(join(folder, 'missing.tf'));
    expect(file.diagnostics[0]).toMatchObject({ code: 'file-unreadable', severity: 'error' });
    expect(file.diagnostics[0]!.message).toContain('missing.tf');
  });

  it('reads the file from disk when no bytes are given', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'zoneguard-parse-'));
    const path = join(folder, 'main.tf');
    writeFileSync(path, 'a = 1\n');
    const file = await parseFile(path);
    expect(file.path).toBe(path);
    expect(file.body.attributes[0]!.name).toBe('a');
  });
});
