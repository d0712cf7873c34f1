import { readFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import createDebug from 'debug';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { ScanResult } from '../../src/engine/result.ts';
import { reviewCommentBody } from '../../src/integrations/github/review-comment.ts';
import { summaryBody } from '../../src/integrations/github/summary-body.ts';
import { memoryIo } from '../cli/memory-io.ts';
import { writeRepo } from '../cli/terraform-fixtures.ts';

/** Planted credentials, each unique so that any piece of it in an output is a leak. */
const SECRETS = {
  password: 'Zg-Planted-Secret-93817',
  accessKey: 'AKIAQZGPLANTX93817WV',
  secretKey: 'qZg7Plant3dS3cr3tK3y93817vWxYz',
  privateKey: 'MIIqZgPlantedKeyBody93817xQvW',
  userDataToken: 'zgtok_PlantedTok3n93817qxw',
  token: 'qZgApiTok93817PlantedXw',
};

const MAIN_TF = `provider "aws" {
  region     = "ap-southeast-1"
  access_key = "${SECRETS.accessKey}"
  secret_key = "${SECRETS.secretKey}"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "data" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.30.0/24"
  tags       = { Zone = "internal" }
}

resource "aws_security_group" "db" {
  vpc_id = aws_vpc.main.id
  ingress {
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "portal" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  username               = "admin"
  password               = "${SECRETS.password}"
  publicly_accessible    = true
  db_subnet_group_name   = "data"
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_iam_server_certificate" "portal" {
  name             = "portal"
  certificate_body = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
  private_key      = "-----BEGIN RSA PRIVATE KEY-----\\n${SECRETS.privateKey}\\n-----END RSA PRIVATE KEY-----\\n"
}

resource "aws_instance" "web" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.data.id
  user_data     = <<EOT
#!/bin/sh
export API_TOKEN=${SECRETS.userDataToken}
EOT
}

resource "aws_ssm_parameter" "api" {
  name  = "api"
  type  = "SecureString"
  value = "unused"
  token = "${SECRETS.token}"
}
`;

/** Every piece of six characters of every secret; `ad********` keeps two. */
function secretPieces(): string[] {
  const pieces = new Set<string>();
  for (const secret of Object.values(SECRETS)) {
    for (let at = 0; at + 6 <= secret.length; at++) pieces.add(secret.slice(at, at + 6));
  }
  return [...pieces];
}

/**
 * Pieces that zoneguard prints for the control files too, where every secret
 * is replaced by other characters: "Secret" is a word of the pack
 * (`secret-hosts-offline`), not a leak. Computed once, in beforeAll.
 */
let ordinary = new Set<string>();

function leaksIn(output: string): string[] {
  return secretPieces().filter((piece) => !ordinary.has(piece) && output.includes(piece));
}

function withoutSecrets(text: string): string {
  return Object.values(SECRETS).reduce((result, secret) => result.replaceAll(secret, 'q'.repeat(secret.length)), text);
}

let debugLog: string[] = [];
const originalLog = createDebug.log;
beforeEach(() => {
  debugLog = [];
  createDebug.log = (...args: unknown[]) => debugLog.push(format(...args));
});
afterEach(() => {
  createDebug.log = originalLog;
  createDebug.disable();
});

async function scanAs(dir: string, args: string[]): Promise<{ out: string; err: string }> {
  const io = memoryIo(dir);
  await main(['scan', '--debug', ...args], io);
  return { out: io.out(), err: io.err() };
}

const FORMATS = ['text', 'json', 'sarif'];
const LANGUAGES = ['en', 'vi'];

describe('planted secrets appear in no output', () => {
  beforeAll(async () => {
    const dir = writeRepo({ 'main.tf': withoutSecrets(MAIN_TF) });
    const outputs: string[] = [];
    for (const format of FORMATS) {
      for (const lang of LANGUAGES) outputs.push((await scanAs(dir, ['--format', format, '--lang', lang])).out);
    }
    const control = outputs.join('\n');
    ordinary = new Set(secretPieces().filter((piece) => control.includes(piece)));
    // A handful of common words at most; never a whole secret.
    expect(ordinary.size).toBeLessThanOrEqual(3);
  }, 60_000);

  it('masks them in text, JSON and SARIF, in both languages, and in the debug log', { timeout: 60_000 }, async () => {
    const dir = writeRepo({ 'main.tf': MAIN_TF });
    const outputs: Record<string, string> = {};
    for (const format of FORMATS) {
      for (const lang of LANGUAGES) {
        const { out, err } = await scanAs(dir, ['--format', format, '--lang', lang]);
        outputs[`${format} ${lang}`] = out;
        outputs[`${format} ${lang} stderr`] = err;
      }
    }
    outputs['debug log'] = debugLog.join('\n');
    expect(debugLog.length).toBeGreaterThan(10);
    const report = JSON.parse(outputs['json en']!) as ScanResult;
    // The scan did look at the credentials: the rule reports them masked.
    const credentials = report.findings.filter((finding) => finding.ruleId === 'no-default-credentials');
    expect(credentials.map((finding) => finding.message).join('\n')).toContain('Zg********');
    for (const [name, output] of Object.entries(outputs)) expect(leaksIn(output), name).toEqual([]);
  });

  it('masks them in the pull-request summary and in every review comment', async () => {
    const dir = writeRepo({ 'main.tf': MAIN_TF });
    const { out } = await scanAs(dir, ['--format', 'json']);
    const result = { ...(JSON.parse(out) as ScanResult), root: dir };
    const ref = { owner: 'acme', repo: 'infra', pullNumber: 7, headSha: 'a'.repeat(40) };
    const paths = { repositoryRoot: dir };
    const summary = summaryBody({ result, ref, paths, detail: 'full', listed: result.findings, inlineCount: 0, fixed: [], fixedUnnamed: 0, notes: [] });
    expect(summary).toContain('no-default-credentials');
    expect(leaksIn(summary)).toEqual([]);
    const lines = readFileSync(path.join(dir, 'main.tf'), 'utf8').split('\n');
    for (const finding of result.findings) {
      const comment = { finding, path: 'main.tf', line: finding.location.range?.startLine ?? 1 };
      const body = reviewCommentBody(comment, { detail: 'full', sourceLine: (_file, line) => lines[line - 1] });
      expect(leaksIn(body), finding.ruleId).toEqual([]);
    }
  });

  it('does not quote a secret next to a syntax error', async () => {
    const broken = `resource "aws_db_instance" "legacy" {\n  password = "${SECRETS.password}" "${SECRETS.token}"\n}\n`;
    const dir = writeRepo({ 'main.tf': MAIN_TF, 'broken.tf': broken });
    for (const format of FORMATS) {
      const { out, err } = await scanAs(dir, ['--format', format]);
      expect(out).toContain('broken.tf');
      expect(leaksIn(out + err), format).toEqual([]);
    }
    expect(leaksIn(debugLog.join('\n'))).toEqual([]);
  });

  // NOTE: two typos still copy a secret into a message. An unquoted value
  // (`password = Zg-Planted-Secret-93817`) is read as a reference, and the
  // evaluation error names it; a secret alone on a line is quoted by the
  // syntax error. Neither message knows that the text is a credential.
  it.todo('masks an unquoted password named by an evaluation error');
  it.todo('masks a secret quoted by a syntax error on its own line');
});
