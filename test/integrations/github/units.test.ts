import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../src/engine/result.ts';
import { SEVERITIES, type Finding } from '../../../src/engine/types.ts';
import { annotationsFor } from '../../../src/integrations/github/annotations.ts';
import { commentableLines } from '../../../src/integrations/github/diff.ts';
import { repositoryPath } from '../../../src/integrations/github/paths.ts';
import { summaryBody } from '../../../src/integrations/github/summary-body.ts';

describe('repositoryPath (scanner paths against pull-request paths)', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'zoneguard-paths-'));
  for (const file of ['infra/prod/main.tf', 'modules/sg/main.tf']) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), '');
  }
  const base = { repositoryRoot: workspace, workingDirectory: path.join(workspace, 'infra/prod') };
  const cases: Array<[string, string]> = [
    ['./main.tf', 'infra/prod/main.tf'],
    [`${workspace}/infra/prod/main.tf`, 'infra/prod/main.tf'],
    ['../../modules/sg/main.tf', 'modules/sg/main.tf'],
    ['infra\\prod\\main.tf', 'infra/prod/main.tf'],
    [`${workspace}/./infra//prod/main.tf`, 'infra/prod/main.tf'],
  ];
  it.each(cases)('normalises %s', (raw, expected) => {
    expect(repositoryPath(raw, base)).toBe(expected);
  });
  it('drops paths outside the repository', () => {
    expect(repositoryPath('/home/runner/.terraform.d/modules/sg/main.tf', base)).toBeUndefined();
    expect(repositoryPath('../../../elsewhere/main.tf', base)).toBeUndefined();
  });
  it('reads Windows checkouts', () => {
    const windows = { repositoryRoot: 'D:\\a\\infra\\infra', exists: () => false };
    expect(repositoryPath('d:\\a\\infra\\infra\\modules\\sg\\main.tf', windows)).toBe('modules/sg/main.tf');
  });
});

describe('commentableLines (patch parsing)', () => {
  it('keeps added and context lines of each hunk', () => {
    const patch = ['@@ -1,3 +1,4 @@', ' a', '-b', '+B', '+C', ' d', '@@ -10,2 +11,2 @@', ' x', '-y', '+Y', '\\ No newline at end of file'].join('\n');
    expect([...commentableLines(patch)]).toEqual([1, 2, 3, 4, 11, 12]);
  });
  it('gives nothing without a patch', () => {
    expect(commentableLines(undefined).size).toBe(0);
  });
});

/** 1,500 findings on CJK resource names, each with a 120-character explanation. */
function bigResult(root: string): ScanResult {
  const findings: Finding[] = [];
  for (let index = 0; index < 1_500; index += 1) {
    const severity = SEVERITIES[index % SEVERITIES.length]!;
    const address = `aws_security_group.防火墙_管理_${index}`;
    const message = `${address} 允许从互联网访问管理端口 😀 ${'说明'.repeat(50)}`.slice(0, 120);
    findings.push({
      ruleId: 'management-ports-from-management-zone',
      status: index % 10 === 9 ? 'unknown' : 'fail',
      severity,
      articles: ['Đ9.2.a'],
      title: '管理端口只能从管理区访问',
      message,
      remediation: '只允许管理区访问。',
      english: { title: 't', message: 'm', remediation: 'r' },
      messageId: 'x',
      data: {},
      address,
      location: { file: path.join(root, `网络/${index}.tf`), range: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 9 } },
      related: [],
      evidence: [],
      fingerprint: index.toString(16).padStart(32, '0'),
      restsOn: [],
      ...(index % 10 === 9 ? { unknown: { reason: `未知值 ${'很长'.repeat(60)}` } as Finding['unknown'] } : {}),
    });
  }
  return { root, files: [], findings, diagnostics: [], unresolvedVariables: [], rules: [], language: 'en', toolVersion: '0' };
}

describe('summaryBody (comment size limits)', () => {
  const root = '/work/repo';
  const result = bigResult(root);
  const body = summaryBody({
    result,
    ref: { owner: 'o', repo: 'r', pullNumber: 1, headSha: 'f'.repeat(40), serverUrl: 'https://github.test.invalid' },
    paths: { repositoryRoot: root, exists: () => true },
    detail: 'full',
    listed: result.findings.filter((finding) => finding.status === 'fail'),
    inlineCount: 0,
    fixed: [],
    fixedUnnamed: 0,
    notes: [],
  });

  it('stays under both limits with a margin', () => {
    expect([...body].length).toBeLessThanOrEqual(65_536 * 0.95);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(262_144 * 0.95);
  });
  it('keeps the header, totals and most severe rows', () => {
    expect(body).toMatch(/^<!-- zoneguard:summary -->\n## zoneguard: 1350 findings/);
    const rows = body.split('\n').filter((line) => line.startsWith('| 🟥') || line.startsWith('| 🟧') || line.startsWith('| ⬜'));
    expect(rows.some((row) => row.includes('critical') && row.includes('`management'))).toBe(true);
    expect(rows.some((row) => row.startsWith('| ⬜ info |') && row.includes('`management'))).toBe(false);
  });
  it('says how many findings were cut', () => {
    expect(body).toMatch(/…and \d+ more findings\. Full list in the SARIF artifact \/ job summary\./);
  });
  it('cuts outside pairs, rows, fences and details', () => {
    expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const lines = body.split('\n');
    const tableLines = lines.filter((line) => line.startsWith('|'));
    for (const line of tableLines) {
      expect(line.endsWith('|')).toBe(true);
      expect(line.replace(/\\\|/g, '').split('|').length).toBeOneOf([4, 7]);
    }
    expect(lines.filter((line) => /^`{3,}/.test(line)).length % 2).toBe(0);
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);
    expect(body.lastIndexOf('<details>')).toBeLessThan(body.lastIndexOf('</details>'));
  });
});

describe('annotationsFor (platform limits)', () => {
  it('emits at most 10 per level, most severe first', () => {
    const result = bigResult('/work/repo');
    const annotations = annotationsFor(result.findings, { repositoryRoot: '/work/repo', exists: () => true }, 'full');
    expect(annotations.lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
    expect(annotations.lines.filter((line) => line.startsWith('::warning '))).toHaveLength(10);
    expect(annotations.left).toBe(1_350 - annotations.lines.length);
    expect(annotations.lines[0]).toMatch(/^::error file=网络\/0\.tf,line=3,title=critical management-ports-from-management-zone::/);
  });
});
