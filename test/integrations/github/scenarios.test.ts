import { readFileSync } from 'node:fs';
import path from 'node:path';
import createDebug from 'debug';
import { afterEach, describe, expect, it } from 'vitest';
import { readFindingMarker, readSummaryFingerprints } from '../../../src/integrations/github/markers.ts';
import { DB_A, SG_A } from './case-24-files.ts';
import { added, checkout, runAction, TOKEN } from './harness.ts';
import { MockGitHub, type MockFile } from './mock-github.ts';

let mock: MockGitHub | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

const SHA = 'c'.repeat(40);

async function startMock(files: MockFile[], basePath?: string): Promise<{ github: MockGitHub; apiUrl: string }> {
  mock = new MockGitHub({ token: TOKEN, headSha: SHA, files, ...(basePath ? { basePath } : {}) });
  return { github: mock, apiUrl: await mock.start() };
}

function inlineFingerprints(github: MockGitHub): string[] {
  return github.reviewComments.map((comment) => readFindingMarker(comment.body)?.fingerprint).filter((fp): fp is string => fp !== undefined);
}

/** A security group that opens SSH to the internet: a finding on line 6 of its file. */
function openSsh(name: string): string {
  return `resource "aws_security_group" "${name}" {\n  name   = "${name}"\n  vpc_id = "vpc-1"\n  ingress {\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n    from_port   = 22\n    to_port     = 22\n  }\n}\n`;
}

describe('zoneguard github against a mock GitHub', () => {
  it('falls back on a fork without writing', async () => {
    const root = checkout({ 'sg.tf': SG_A, 'db.tf': DB_A });
    const { github, apiUrl } = await startMock([added('sg.tf', SG_A), added('db.tf', DB_A)]);
    const run = await runAction({
      apiUrl,
      root,
      sha: SHA,
      args: ['--sarif', 'out.sarif'],
      event: {
        pull_request: {
          number: 42,
          head: { sha: SHA, repo: { full_name: 'contributor/infra', fork: true } },
          base: { repo: { full_name: 'example-org/infra', fork: false } },
        },
      },
    });
    expect(github.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(run.stderr).toMatch(/read-only on a pull request from the fork contributor\/infra/);
    expect(run.stdout).toMatch(/^::error file=sg\.tf,line=16,/m);
    expect(run.stepSummary).toContain('management-ports-from-management-zone');
    expect(run.stepSummary).not.toMatch(/pull_request_target/);
    expect(readFileSync(path.join(root, 'out.sarif'), 'utf8')).toContain('"partialFingerprints"');
    expect(run.code).toBe(1);
  });

  it('falls back on the first 403 of a read-only token', async () => {
    const root = checkout({ 'sg.tf': SG_A });
    const { github, apiUrl } = await startMock([added('sg.tf', SG_A)]);
    const forbidden = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' };
    github.faults.push({ method: 'POST', path: /\/reviews$/, times: 5, status: 403, body: forbidden });
    github.faults.push({ method: 'POST', path: /\/issues\/\d+\/comments$/, times: 5, status: 403, body: forbidden });
    const run = await runAction({ apiUrl, root, sha: SHA, args: ['--severity-threshold', 'critical'] });
    expect(github.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(run.stderr).toMatch(/pull-requests: write/);
    expect(run.stdout).toMatch(/^::error file=sg\.tf,line=16/m);
    expect(run.code).toBe(0);
    expect(github.violations).toEqual([]);
  });

  it('keeps findings outside the diff and rejected lines in the summary', async () => {
    const root = checkout({ 'sg.tf': SG_A, 'db.tf': DB_A });
    // sg.tf changes only its first lines; GitHub rejects db.tf line 5 though the patch shows it.
    const sgPatch = '@@ -1,3 +1,3 @@\n resource "aws_subnet" "mgmt" {\n-  vpc_id     = "vpc-0"\n+  vpc_id     = "vpc-1"\n   cidr_block = "10.50.0.0/24"';
    const { github, apiUrl } = await startMock([{ filename: 'sg.tf', status: 'modified', patch: sgPatch }, added('db.tf', DB_A)]);
    github.faults.push({
      method: 'POST',
      path: /\/pulls\/42\/reviews$/,
      times: 1,
      status: 422,
      body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], status: '422' },
    });
    github.faults.push({ method: 'POST', path: /\/pulls\/42\/comments$/, times: 1, status: 422, body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], status: '422' } });
    const run = await runAction({ apiUrl, root, sha: SHA });
    const summary = github.issueComments[0]!.body;
    expect(summary).toMatch(/\| `management-ports-from-management-zone` \|.*sg\.tf:16/);
    expect(summary).toMatch(/\| `portal-db-not-exposed` \|.*db\.tf:5/);
    expect(summary).toContain('GitHub did not accept 1 inline comments');
    expect(github.reviewComments.some((comment) => comment.path === 'sg.tf')).toBe(false);
    expect(run.code).toBe(1);
    expect(github.violations).toEqual([]);
  });

  it('handles renamed and deleted files', async () => {
    const root = checkout({ 'network/sg.tf': SG_A });
    const { github, apiUrl } = await startMock([
      { ...added('network/sg.tf', SG_A), status: 'renamed', previous_filename: 'sg.tf' },
      { filename: 'db.tf', status: 'removed', patch: `@@ -1,2 +0,0 @@\n-resource "x" "y" {\n-}` },
    ]);
    await runAction({ apiUrl, root, sha: SHA });
    expect(github.reviewComments.map((comment) => `${comment.path}:${comment.line}`)).toContain('network/sg.tf:16');
    expect(github.reviewComments.some((comment) => comment.path === 'db.tf')).toBe(false);
    expect(github.violations).toEqual([]);
  });

  it('serves GitHub Enterprise under /api/v3 only', async () => {
    const root = checkout({ 'sg.tf': SG_A });
    const { github, apiUrl } = await startMock([added('sg.tf', SG_A)], '/api/v3');
    expect(apiUrl).toMatch(/\/api\/v3$/);
    await runAction({ apiUrl, root, sha: SHA, serverUrl: 'https://git.corp.example' });
    expect(github.requests.every((request) => request.path.startsWith('/api/v3/'))).toBe(true);
    expect(github.issueComments[0]!.body).toContain('https://git.corp.example/example-org/infra/actions/runs/77');
    expect(github.issueComments[0]!.body).not.toMatch(/https:\/\/(api\.)?github\.com/);
    expect(github.violations).toEqual([]);
  });

  it('never prints the token', async () => {
    const root = checkout({ 'sg.tf': SG_A });
    const { apiUrl } = await startMock([added('sg.tf', SG_A)]);
    const logged: string[] = [];
    const previousLog = createDebug.log;
    createDebug.log = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    createDebug.enable('zoneguard:*');
    try {
      const run = await runAction({ apiUrl, root, sha: SHA, args: ['--debug'] });
      const everything = [run.stdout, run.stderr, run.stepSummary, run.outputs, ...logged].join('\n');
      expect(logged.length).toBeGreaterThan(0);
      expect(everything).not.toContain(TOKEN);
    } finally {
      createDebug.disable();
      createDebug.log = previousLog;
    }
  });

  it('leaves addresses out in redacted mode', async () => {
    const root = checkout({ 'sg.tf': SG_A, 'db.tf': DB_A });
    const { github, apiUrl } = await startMock([added('sg.tf', SG_A)]);
    await runAction({ apiUrl, root, sha: SHA, args: ['--comment-detail', 'redacted'] });
    const bodies = [...github.reviewComments.map((comment) => comment.body), ...github.issueComments.map((comment) => comment.body)];
    expect(github.reviewComments.map((comment) => comment.line)).toContain(16);
    for (const body of bodies) {
      expect(body).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
      expect(body).not.toContain('Why reachable');
      expect(body).toContain('redacted mode');
    }
  });

  it('pages through a 300-file pull request', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 300; index += 1) files[`gen/f${index}.tf`] = `# generated ${index}\n`;
    files['gen/f299.tf'] = openSsh('last');
    const root = checkout(files);
    const { github, apiUrl } = await startMock(Object.entries(files).map(([name, text]) => added(name, text)));
    await runAction({ apiUrl, root, sha: SHA });
    const pages = github.requests.filter((request) => request.path.endsWith('/files'));
    expect(pages.map((request) => new URLSearchParams(request.query).get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(pages.every((request) => new URLSearchParams(request.query).get('per_page') === '100')).toBe(true);
    expect(github.reviewComments.some((comment) => comment.path === 'gen/f299.tf')).toBe(true);
    expect(github.violations).toEqual([]);
  });

  it('survives 420 files, a secondary rate limit and a 502', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 420; index += 1) {
      files[`gen/f${index}.tf`] = index < 90 ? openSsh(`sg${index}`) : `# generated ${index}\n`;
    }
    const root = checkout(files);
    const { github, apiUrl } = await startMock(Object.entries(files).map(([name, text]) => added(name, text)));
    const secondary = {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      status: '403',
    };
    github.faults.push({ method: 'GET', path: /\/issues\/42\/comments$/, times: 1, status: 502, body: { message: 'Bad Gateway' } });
    github.faults.push(secondaryAfterFirstReview(github, secondary));
    const run = await runAction({ apiUrl, root, sha: SHA });
    expect(run.stderr).toMatch(/GitHub asked to wait 3 s \(secondary rate limit\)/);
    const inline = inlineFingerprints(github);
    expect(inline).toHaveLength(50);
    const listed = readSummaryFingerprints(github.issueComments[0]!.body);
    const all = [...inline.map((fp) => fp.slice(0, 12)), ...listed];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(180);
    expect(github.requests.some((request) => request.method === 'GET' && request.path.endsWith('/pulls/42') && request.query.includes('diff'))).toBe(false);
    // A second run adds nothing.
    const before = github.reviewComments.length;
    await runAction({ apiUrl, root, sha: SHA, args: ['--max-inline-comments', '0'] });
    expect(github.reviewComments.length).toBe(before);
    expect(github.violations).toEqual([]);
  }, 60_000);
});

/** A fault that lets the first review through and rate-limits the second once. */
function secondaryAfterFirstReview(github: MockGitHub, body: unknown) {
  const fault = { method: 'POST', path: /\/reviews$/, times: 1, status: 403, headers: { 'retry-after': '3' }, body };
  // Matching starts only after one review exists, so the second POST meets it.
  return new Proxy(fault, {
    get(target, key) {
      if (key === 'times') return github.reviews.length >= 1 ? target.times : 0;
      return target[key as keyof typeof target];
    },
    set(target, key, value) {
      (target as Record<string, unknown>)[key as string] = value;
      return true;
    },
  });
}
