import createDebug from 'debug';
import type { GitHubClient } from './client.ts';
import type { GitHubContext } from './context.ts';
import { changedFile, type ChangedFile } from './diff.ts';
import { readFindingMarker, readResolvedMarker, SUMMARY_MARKER } from './markers.ts';

const debug = createDebug('zoneguard:integrations:github:pull-request');

/** The list-files endpoint returns at most this many files of a pull request. */
export const MAX_LISTED_FILES = 3_000;
const PER_PAGE = 100;

export interface PullRequestFiles {
  /** Changed files by repository-relative head path. */
  files: Map<string, ChangedFile>;
  /** True when the pull request has more files than the endpoint can list. */
  tooMany: boolean;
  total: number;
}

type Target = Pick<GitHubContext, 'owner' | 'repo'> & { pullNumber: number };

/**
 * Reads the changed files page by page. The whole diff is never requested,
 * because GitHub answers 406 for a diff of more than 300 files.
 */
export async function listChangedFiles(client: GitHubClient, target: Target): Promise<PullRequestFiles> {
  const pull = await client.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
  const total = pull.data.changed_files;
  const files = new Map<string, ChangedFile>();
  if (total > MAX_LISTED_FILES) return { files, tooMany: true, total };
  const pages = client.paginate.iterator(client.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    per_page: PER_PAGE,
  });
  for await (const page of pages) {
    for (const entry of page.data) files.set(entry.filename, changedFile(entry));
    if (files.size >= MAX_LISTED_FILES) break;
  }
  debug('pull request #%d: %d changed files listed of %d', target.pullNumber, files.size, total);
  return { files, tooMany: false, total };
}

/** A review comment zoneguard wrote in an earlier run. */
export interface EarlierComment {
  id: number;
  fingerprint: string;
  ruleId?: string;
  path: string;
  line?: number;
  /** True when a reply already says the finding is fixed or suppressed. */
  resolved: boolean;
}

/** Reads every review comment, through every page, and keeps zoneguard's own. */
export async function listEarlierComments(client: GitHubClient, target: Target): Promise<EarlierComment[]> {
  const comments = await client.paginate(client.rest.pulls.listReviewComments, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    per_page: PER_PAGE,
  });
  const resolved = new Set(comments.map((comment) => readResolvedMarker(comment.body)).filter(isDefined));
  const earlier: EarlierComment[] = [];
  for (const comment of comments) {
    const marker = comment.in_reply_to_id === undefined ? readFindingMarker(comment.body) : undefined;
    if (!marker) continue;
    earlier.push({
      id: comment.id,
      ...marker,
      path: comment.path,
      ...(typeof comment.line === 'number' ? { line: comment.line } : {}),
      resolved: resolved.has(marker.fingerprint),
    });
  }
  debug('%d review comments read, %d of them zoneguard findings', comments.length, earlier.length);
  return earlier;
}

/** Finds the summary comment of an earlier run by its marker, through every page. */
export async function findSummaryComment(
  client: GitHubClient,
  target: Target,
): Promise<{ id: number; body: string } | undefined> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.pullNumber,
    per_page: PER_PAGE,
  });
  for await (const page of pages) {
    const found = page.data.find((comment) => comment.body?.includes(SUMMARY_MARKER));
    if (found) return { id: found.id, body: found.body ?? '' };
  }
  return undefined;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
