import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenApiValidator } from './openapi.ts';

/** A file of the mock pull request, as the list-files endpoint returns it. */
export interface MockFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  patch?: string;
  previous_filename?: string;
}

export interface MockComment {
  id: number;
  body: string;
  path: string;
  line?: number;
  side?: string;
  commit_id: string;
  in_reply_to_id?: number;
  pull_request_review_id?: number;
}

/** A canned answer for requests that match, `times` times. */
export interface Fault {
  method: string;
  path: RegExp;
  times: number;
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface MockOptions {
  token: string;
  owner?: string;
  repo?: string;
  pullNumber?: number;
  headSha: string;
  files: MockFile[];
  /** Path prefix of the API, `/api/v3` for Enterprise Server; anything else fails. */
  basePath?: string;
}

let validator: OpenApiValidator | undefined;

/**
 * A GitHub on 127.0.0.1 that keeps comments and reviews in memory and checks
 * every request against GitHub's OpenAPI description and its own rules: the
 * token, the base path, and review lines inside the diff (422 like GitHub).
 */
export class MockGitHub {
  readonly violations: string[] = [];
  readonly requests: Array<{ method: string; path: string; query: string; body: unknown }> = [];
  readonly reviewComments: MockComment[] = [];
  readonly issueComments: Array<{ id: number; body: string }> = [];
  readonly reviews: Array<{ id: number; comments: number }> = [];
  readonly faults: Fault[] = [];
  private nextId = 1000;
  private server: Server | undefined;
  private readonly options: Required<Omit<MockOptions, 'basePath'>> & { basePath: string };

  constructor(options: MockOptions) {
    this.options = { owner: 'example-org', repo: 'infra', pullNumber: 42, basePath: '', ...options };
    validator ??= OpenApiValidator.load();
  }

  get headSha(): string {
    return this.options.headSha;
  }

  set headSha(sha: string) {
    this.options.headSha = sha;
  }

  set files(files: MockFile[]) {
    this.options.files = files;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${this.options.basePath}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Adds a comment written by a person, as on a real pull request. */
  addHumanComment(path: string, line: number): void {
    this.reviewComments.push({ id: this.nextId++, body: 'Please look at this.', path, line, side: 'RIGHT', commit_id: this.headSha });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    const body = raw === '' ? undefined : JSON.parse(raw);
    this.requests.push({ method: request.method ?? '', path: url.pathname, query: url.search, body });
    const apiPath = this.apiPath(url.pathname);
    if (apiPath === undefined) return send(response, 404, { message: 'Not Found' });
    if (!this.authorised(request)) return send(response, 401, { message: 'Bad credentials' });
    this.violations.push(...validator!.validate(request.method ?? '', apiPath, url.searchParams, body));
    const fault = this.faults.find((candidate) => candidate.times > 0 && candidate.method === request.method && candidate.path.test(apiPath));
    if (fault) {
      fault.times -= 1;
      return send(response, fault.status, fault.body, fault.headers);
    }
    return this.route(request, response, apiPath, url, body);
  }

  private apiPath(pathname: string): string | undefined {
    const base = this.options.basePath;
    if (!pathname.startsWith(`${base}/`)) {
      this.violations.push(`request outside the API base path ${base || '/'}: ${pathname}`);
      return undefined;
    }
    return pathname.slice(base.length);
  }

  private authorised(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    const ok = header === `token ${this.options.token}` || header === `Bearer ${this.options.token}`;
    if (!ok) this.violations.push(`request without the token: ${request.method} ${request.url}`);
    return ok;
  }

  private route(request: IncomingMessage, response: ServerResponse, path: string, url: URL, body: any): void {
    const { owner, repo, pullNumber } = this.options;
    const pull = `/repos/${owner}/${repo}/pulls/${pullNumber}`;
    const issue = `/repos/${owner}/${repo}/issues`;
    const method = request.method;
    if (method === 'GET' && path === pull) return this.getPull(request, response);
    if (method === 'GET' && path === `${pull}/files`) return this.page(response, url, this.options.files, 3_000);
    if (method === 'GET' && path === `${pull}/comments`) return this.page(response, url, this.reviewComments);
    if (method === 'POST' && path === `${pull}/reviews`) return this.createReview(response, body);
    if (method === 'POST' && path === `${pull}/comments`) return this.createComment(response, body);
    const reply = new RegExp(`^${pull}/comments/(\\d+)/replies$`).exec(path);
    if (method === 'POST' && reply) return this.reply(response, Number(reply[1]), body);
    if (method === 'GET' && path === `${issue}/${pullNumber}/comments`) return this.page(response, url, this.issueComments);
    if (method === 'POST' && path === `${issue}/${pullNumber}/comments`) {
      const comment = { id: this.nextId++, body: body.body as string };
      this.issueComments.push(comment);
      return send(response, 201, comment);
    }
    const edit = new RegExp(`^${issue}/comments/(\\d+)$`).exec(path);
    if (method === 'PATCH' && edit) return this.editIssueComment(response, Number(edit[1]), body);
    this.violations.push(`the mock does not implement ${method} ${path}`);
    send(response, 404, { message: 'Not Found' });
  }

  private getPull(request: IncomingMessage, response: ServerResponse): void {
    if ((request.headers.accept ?? '').includes('diff')) {
      this.violations.push('the whole diff was requested');
      return send(response, 406, { message: 'Sorry, the diff exceeded the maximum number of files (300).' });
    }
    send(response, 200, { number: this.options.pullNumber, changed_files: this.options.files.length, head: { sha: this.headSha } });
  }

  private page(response: ServerResponse, url: URL, items: unknown[], cap = Infinity): void {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const listed = items.slice(0, cap);
    const slice = listed.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < listed.length) {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(page + 1));
      headers.link = `<http://${response.req.headers.host}${next.pathname}${next.search}>; rel="next"`;
    }
    send(response, 200, slice, headers);
  }

  private createReview(response: ServerResponse, body: any): void {
    const comments = (body.comments ?? []) as Array<{ path: string; line: number; side?: string; body: string }>;
    if (comments.some((comment) => !this.inDiff(comment.path, comment.line, comment.side))) return unprocessable(response);
    const review = { id: this.nextId++, comments: comments.length };
    this.reviews.push(review);
    for (const comment of comments) {
      this.reviewComments.push({ id: this.nextId++, ...comment, commit_id: body.commit_id, pull_request_review_id: review.id });
    }
    send(response, 200, { id: review.id, state: 'COMMENTED' });
  }

  private createComment(response: ServerResponse, body: any): void {
    if (!this.inDiff(body.path, body.line, body.side)) return unprocessable(response);
    const comment: MockComment = { id: this.nextId++, body: body.body, path: body.path, line: body.line, side: body.side, commit_id: body.commit_id };
    this.reviewComments.push(comment);
    send(response, 201, comment);
  }

  private reply(response: ServerResponse, id: number, body: any): void {
    const parent = this.reviewComments.find((comment) => comment.id === id);
    if (!parent) return send(response, 404, { message: 'Not Found' });
    const comment: MockComment = { id: this.nextId++, body: body.body, path: parent.path, commit_id: this.headSha, in_reply_to_id: id };
    this.reviewComments.push(comment);
    send(response, 201, comment);
  }

  private editIssueComment(response: ServerResponse, id: number, body: any): void {
    const comment = this.issueComments.find((candidate) => candidate.id === id);
    if (!comment) return send(response, 404, { message: 'Not Found' });
    comment.body = body.body;
    send(response, 200, comment);
  }

  /** GitHub accepts a RIGHT-side comment only on an added or context line inside a hunk. */
  private inDiff(path: string, line: number, side = 'RIGHT'): boolean {
    const file = this.options.files.find((candidate) => candidate.filename === path);
    if (!file?.patch || side !== 'RIGHT' || file.status === 'removed') return false;
    return newSideLines(file.patch).has(line);
  }
}

/** An independent reading of a unified diff's new-side lines, so the mock does not trust zoneguard's parser. */
function newSideLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let line = -1;
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -[\d,]+ \+(\d+)/.exec(text);
    if (hunk) line = Number(hunk[1]);
    else if (line > 0 && !text.startsWith('-') && !text.startsWith('\\')) lines.add(line++);
  }
  return lines;
}

function unprocessable(response: ServerResponse): void {
  send(response, 422, {
    message: 'Unprocessable Entity',
    errors: ['Line could not be resolved'],
    documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
    status: '422',
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
