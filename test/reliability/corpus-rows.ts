import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { DiagnosticCode } from '../../src/diagnostics.ts';

/** A diagnostic a corpus entry must produce, read from the JSON report or stderr. */
export interface ExpectedDiagnostic {
  code: DiagnosticCode;
  /** Relative to the scanned folder. */
  file: string;
  /** Absent when the input has no line to point at (a plan's format version). */
  line?: number;
  message: string;
}

/** One input that breaks scanners, with what zoneguard must say about it. */
export interface CorpusRow {
  name: string;
  /** A folder under test/reliability/corpus/ copied into the scanned folder. */
  folder?: string;
  /** Writes the inputs whose exact bytes matter; editors and git would change them in a committed file. */
  write?: (dir: string) => void;
  /** Arguments after `scan`; the scanned folder is the working folder. */
  args?: string[];
  diagnostic?: ExpectedDiagnostic;
  /** A finding in the bad file itself, at its `cidr_blocks` line, for inputs that must be read correctly. */
  finding?: { file: string; line: number };
  exit: 0 | 1 | 2;
  /** Why the entry cannot run here. */
  skip?: string;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const TELNET_OPEN = [
  '# legacy switch access',
  'resource "aws_security_group" "switch" {',
  '  name = "switch-mgmt"',
  '  ingress {',
  '    protocol    = "tcp"',
  '    from_port   = 23',
  '    to_port     = 23',
  '    cidr_blocks = ["0.0.0.0/0"]',
  '  }',
  '}',
  '',
];

function write(dir: string, name: string, content: string | Buffer): void {
  writeFileSync(path.join(dir, name), content);
}

/** A `.tf` file of about 20 MB of comments, made at test time so that it is never committed. */
function writeHugeFile(dir: string): void {
  const line = `# ${'x'.repeat(97)}\n`;
  write(dir, 'huge.tf', line.repeat(210_000));
}

const RUNNING_AS_ROOT = process.getuid?.() === 0;

export const CORPUS: CorpusRow[] = [
  {
    name: 'malformed HCL (an attribute without a value)',
    folder: 'malformed-hcl',
    diagnostic: { code: 'parse-error', file: 'bad.tf', line: 3, message: 'Invalid HCL syntax in' },
    exit: 2,
  },
  {
    name: 'unterminated heredoc',
    folder: 'unterminated-heredoc',
    diagnostic: { code: 'parse-error', file: 'bad.tf', line: 6, message: 'the closing marker of the heredoc is missing' },
    exit: 2,
  },
  {
    name: 'invalid UTF-8',
    write: (dir) =>
      write(dir, 'bad.tf', Buffer.concat([Buffer.from('locals {\n  a = "ok"\n  b = "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n}\n')])),
    diagnostic: { code: 'file-unreadable', file: 'bad.tf', line: 3, message: 'the byte sequence is not valid UTF-8 at line 3, column 8' },
    exit: 2,
  },
  {
    name: 'UTF-8 byte order mark',
    write: (dir) => write(dir, 'bom.tf', Buffer.concat([BOM, Buffer.from(TELNET_OPEN.join('\n'))])),
    finding: { file: 'bom.tf', line: 8 },
    exit: 1,
  },
  {
    name: 'CRLF line endings',
    write: (dir) => write(dir, 'crlf.tf', TELNET_OPEN.join('\r\n')),
    finding: { file: 'crlf.tf', line: 8 },
    exit: 1,
  },
  {
    name: 'empty file',
    write: (dir) => write(dir, 'empty.tf', ''),
    exit: 1,
  },
  {
    name: 'binary file named .tf',
    write: (dir) => write(dir, 'bad.tf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])),
    diagnostic: { code: 'file-unreadable', file: 'bad.tf', line: 1, message: 'it contains a NUL byte, so it is a binary file' },
    exit: 2,
  },
  {
    name: 'a 20 MB file',
    write: writeHugeFile,
    diagnostic: { code: 'file-unreadable', file: 'huge.tf', line: 1, message: 'it is 20.0 MB, more than the 8 MB zoneguard reads' },
    exit: 2,
  },
  {
    name: '10,000 nested lists',
    write: (dir) => write(dir, 'deep.tf', `locals {\n  deep = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}\n`),
    diagnostic: { code: 'parse-error', file: 'deep.tf', line: 1, message: 'nests expressions or blocks too deeply to be read' },
    exit: 2,
  },
  {
    name: '10,000 nested JSON arrays in .tf.json',
    write: (dir) => write(dir, 'deep.tf.json', `{"locals": {"deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}}}\n`),
    diagnostic: { code: 'parse-error', file: 'deep.tf.json', line: 1, message: 'nests expressions or blocks too deeply to be read' },
    exit: 2,
  },
  {
    name: 'circular locals',
    folder: 'circular-locals',
    diagnostic: { code: 'evaluation-error', file: 'bad.tf', line: 2, message: 'refer to each other in a cycle' },
    exit: 1,
  },
  {
    name: 'a module that includes itself',
    folder: 'self-module',
    diagnostic: { code: 'evaluation-error', file: 'bad.tf', line: 2, message: 'calls a module that is already being loaded' },
    exit: 1,
  },
  {
    name: 'file("/dev/zero"), which never ends',
    write: (dir) => write(dir, 'bad.tf', 'locals {\n  zero = file("/dev/zero")\n}\n'),
    diagnostic: { code: 'evaluation-error', file: 'bad.tf', line: 2, message: 'it is a FIFO, socket or device, not a regular file' },
    exit: 1,
  },
  {
    name: 'file("/proc/self/environ"), the scanner\'s own environment',
    write: (dir) => write(dir, 'bad.tf', 'locals {\n  environment = file("/proc/self/environ")\n}\n'),
    diagnostic: { code: 'evaluation-error', file: 'bad.tf', line: 2, message: 'is a system file, which zoneguard does not read' },
    exit: 1,
  },
  {
    name: 'a symlink loop between folders',
    write: (dir) => {
      mkdirSync(path.join(dir, 'sub'));
      symlinkSync('..', path.join(dir, 'sub', 'up'));
    },
    exit: 1,
  },
  {
    name: 'a .tf symlink that points at itself',
    write: (dir) => symlinkSync('self.tf', path.join(dir, 'self.tf')),
    diagnostic: { code: 'file-unreadable', file: 'self.tf', line: 1, message: 'too many symbolic links encountered (ELOOP)' },
    exit: 2,
  },
  {
    name: 'unreadable: a .tf symlink to a missing file',
    write: (dir) => symlinkSync('deleted.tf', path.join(dir, 'gone.tf')),
    diagnostic: { code: 'file-unreadable', file: 'gone.tf', line: 1, message: 'no such file or directory (ENOENT)' },
    exit: 2,
  },
  {
    name: 'unreadable: a FIFO named .tf (reading it would block forever)',
    write: (dir) => execFileSync('mkfifo', [path.join(dir, 'pipe.tf')]),
    diagnostic: { code: 'file-unreadable', file: 'pipe.tf', line: 1, message: 'it is a FIFO, socket or device, not a regular file' },
    exit: 2,
  },
  {
    name: 'unreadable: chmod 000',
    write: (dir) => {
      write(dir, 'locked.tf', 'locals {}\n');
      chmodSync(path.join(dir, 'locked.tf'), 0o000);
    },
    diagnostic: { code: 'file-unreadable', file: 'locked.tf', line: 1, message: 'permission denied (EACCES)' },
    exit: 2,
    ...(RUNNING_AS_ROOT ? { skip: 'root reads a chmod 000 file; the symlink and FIFO rows cover unreadable files' } : {}),
  },
  {
    name: 'a folder named x.tf (Terraform skips folders, and so does zoneguard)',
    write: (dir) => mkdirSync(path.join(dir, 'x.tf')),
    exit: 1,
  },
  {
    name: 'invalid .tf.json',
    folder: 'invalid-tf-json',
    diagnostic: { code: 'parse-error', file: 'bad.tf.json', line: 4, message: 'Invalid JSON in' },
    exit: 2,
  },
  {
    name: 'invalid terraform.tfvars.json',
    folder: 'invalid-tfvars-json',
    diagnostic: { code: 'parse-error', file: 'terraform.tfvars.json', line: 3, message: 'the variables it sets are unknown' },
    exit: 2,
  },
  {
    name: 'invalid YAML in .zoneguard.yml',
    folder: 'invalid-config-yaml',
    diagnostic: { code: 'config-invalid', file: '.zoneguard.yml', line: 4, message: 'is not valid YAML at line 4' },
    exit: 2,
  },
  {
    name: 'invalid JSON given to --config',
    folder: 'invalid-config-json',
    args: ['--config', 'zoneguard.json'],
    diagnostic: { code: 'config-invalid', file: 'zoneguard.json', line: 4, message: 'is not valid YAML at line 4' },
    exit: 2,
  },
  {
    name: 'a config that fails its schema',
    folder: 'config-schema',
    diagnostic: { code: 'config-invalid', file: '.zoneguard.yml', line: 2, message: '`failOnUnknown` must be boolean' },
    exit: 2,
  },
  {
    name: 'a plan of unknown format version 9.0',
    folder: 'plan-unknown-version',
    args: ['plan.json', '.'],
    diagnostic: { code: 'unsupported-format', file: 'plan.json', message: 'format version 9.0, which zoneguard does not read' },
    exit: 2,
  },
];
