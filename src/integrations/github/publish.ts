import createDebug from 'debug';
import type { ScanResult } from '../../engine/result.ts';
import type { Finding } from '../../engine/types.ts';
import { annotationsFor, MAX_ANNOTATIONS_PER_LEVEL } from './annotations.ts';
import { createGitHubClient, type GitHubClient } from './client.ts';
import type { CommentDetail } from './comment-detail.ts';
import type { GitHubContext } from './context.ts';
import { runLink } from './links.ts';
import type { PathBase } from './paths.ts';
import { activeFailures, placeFindings, type Placement, type SummaryReason } from './placement.ts';
import { postReviews } from './post-review.ts';
import { findSummaryComment, listChangedFiles, listEarlierComments, MAX_LISTED_FILES } from './pull-request.ts';
import { isReadOnlyError, readOnlyReason } from './read-only.ts';
import { replyResolved } from './replies.ts';
import { reviewCommentBody } from './review-comment.ts';
import { fixedSinceLastRun } from './fixed.ts';
import { summaryBody } from './summary-body.ts';

const debug = createDebug('zoneguard:integrations:github:publish');

/** A job summary may hold 1 MiB per step; this leaves a margin. */
const STEP_SUMMARY_LIMIT = { characters: 900_000, bytes: 1_000_000 };

export type CommentMode = 'review' | 'summary' | 'off';

export interface PublishOptions {
  mode: CommentMode;
  detail: CommentDetail;
  /** New inline comments per run; the rest go to the summary, most severe first. */
  maxInline: number;
  paths: PathBase;
  /** Milliseconds per second of GitHub's waits; smaller in tests. */
  secondMs?: number;
  reviewBatchSize?: number;
  sourceLine?: (file: string, line: number) => string | undefined;
}

export interface PublishOutcome {
  inlinePosted: number;
  summary: 'created' | 'updated' | 'none';
  /** Workflow command lines, written when comments could not be. */
  annotations: string[];
  /** Markdown for `GITHUB_STEP_SUMMARY`. */
  stepSummary: string;
  /** Lines for the log, none of them secret. */
  log: string[];
  /** Fingerprints of findings on lines of the diff, kept first in SARIF. */
  inDiff: Set<string>;
}

/**
 * Writes the scan to the pull request: one review with a comment per new
 * finding on a changed line, replies on earlier comments whose finding is
 * gone, and one summary comment edited in place. A read-only token or a
 * GitHub failure degrades to the job summary and annotations, never a crash.
 */
export async function publishToPullRequest(
  result: ScanResult,
  context: GitHubContext,
  options: PublishOptions,
): Promise<PublishOutcome> {
  const outcome: PublishOutcome = { inlinePosted: 0, summary: 'none', annotations: [], stepSummary: '', log: [], inDiff: new Set() };
  const pullNumber = context.pullNumber;
  if (options.mode === 'off' || pullNumber === undefined || !context.token || !context.apiUrl) {
    if (pullNumber === undefined) outcome.log.push('This run is not for a pull request; the findings are in the job summary.');
    return withStepSummary(outcome, result, context, options, []);
  }
  if (context.forkOf) return fallBack(outcome, result, context, options, readOnlyReason(context.forkOf));

  const client = createGitHubClient({
    token: context.token,
    baseUrl: context.apiUrl,
    ...(options.secondMs !== undefined ? { secondMs: options.secondMs } : {}),
    onWait: (reason, seconds) => outcome.log.push(`GitHub asked to wait ${seconds} s (${reason}); waiting.`),
  });
  const target = { owner: context.owner, repo: context.repo, pullNumber };
  try {
    await writeToPullRequest(client, result, { ...context, pullNumber }, options, outcome);
  } catch (error) {
    const reason = isReadOnlyError(error)
      ? readOnlyReason(undefined)
      : `No pull-request comments were written, because GitHub answered ${describe(error)}. The findings are in the job summary and as annotations.`;
    debug('writing to pull request #%d of %s/%s failed: %s', target.pullNumber, target.owner, target.repo, describe(error));
    return fallBack(outcome, result, context, options, reason);
  }
  return withStepSummary(outcome, result, context, options, []);
}

async function writeToPullRequest(
  client: GitHubClient,
  result: ScanResult,
  context: GitHubContext & { pullNumber: number },
  options: PublishOptions,
  outcome: PublishOutcome,
): Promise<void> {
  const notes: string[] = [];
  const changed = await listChangedFiles(client, context);
  const earlier = await listEarlierComments(client, context);
  const previousSummary = await findSummaryComment(client, context);
  const inlineDisabled = inlineDisabledReason(options.mode, changed.tooMany);
  if (changed.tooMany) {
    notes.push(
      `This pull request changes ${changed.total} files, more than the ${MAX_LISTED_FILES} GitHub lists, ` +
        'so there are no inline comments and every finding is listed here.',
    );
  }
  const placement = placeFindings({
    findings: result.findings,
    files: changed.files,
    earlier,
    paths: options.paths,
    maxInline: options.maxInline,
    ...(inlineDisabled ? { inlineDisabled } : {}),
  });
  placement.inline.forEach((comment) => outcome.inDiff.add(comment.finding.fingerprint));
  placement.commentedEarlier.forEach((finding) => outcome.inDiff.add(finding.fingerprint));

  const posted = await postInline(client, context, placement, options);
  outcome.inlinePosted = posted.posted.length;
  if (posted.rejected.length > 0) notes.push(`GitHub did not accept ${posted.rejected.length} inline comments; those findings are listed here.`);
  const overCap = placement.summaryOnly.filter((entry) => entry.reason === 'over-cap').length;
  if (overCap > 0) notes.push(`${overCap} more findings on changed lines are listed here, because one run writes at most ${options.maxInline} inline comments.`);

  await replyResolved(client, context, placement.resolved);
  const listed = [...placement.summaryOnly.map((entry) => entry.finding), ...posted.rejected.map((comment) => comment.finding)];
  const fixed = fixedSinceLastRun(placement, previousSummary?.body, result.findings);
  const body = summaryBody({
    result,
    ref: context,
    paths: options.paths,
    detail: options.detail,
    listed,
    inlineCount: outcome.inlinePosted + placement.commentedEarlier.length,
    fixed: fixed.named,
    fixedUnnamed: fixed.unnamed,
    notes,
  });
  outcome.summary = await upsertSummary(client, context, previousSummary?.id, body);
}

async function postInline(client: GitHubClient, context: GitHubContext & { pullNumber: number }, placement: Placement, options: PublishOptions) {
  const artifactsLink = runLink(context);
  const comments = placement.inline.map((comment) => ({
    comment,
    body: reviewCommentBody(comment, {
      detail: options.detail,
      ...(options.sourceLine ? { sourceLine: options.sourceLine } : {}),
      ...(artifactsLink ? { artifactsLink } : {}),
    }),
  }));
  return postReviews(client, context, comments, options.reviewBatchSize);
}

async function upsertSummary(
  client: GitHubClient,
  context: GitHubContext & { pullNumber: number },
  existingId: number | undefined,
  body: string,
): Promise<'created' | 'updated'> {
  if (existingId !== undefined) {
    await client.rest.issues.updateComment({ owner: context.owner, repo: context.repo, comment_id: existingId, body });
    return 'updated';
  }
  await client.rest.issues.createComment({ owner: context.owner, repo: context.repo, issue_number: context.pullNumber, body });
  return 'created';
}

function inlineDisabledReason(mode: CommentMode, tooMany: boolean): SummaryReason | undefined {
  if (tooMany) return 'too-many-files';
  return mode === 'summary' ? 'summary-mode' : undefined;
}

/** The job summary and annotations in place of comments, with one log line saying why. */
function fallBack(
  outcome: PublishOutcome,
  result: ScanResult,
  context: GitHubContext,
  options: PublishOptions,
  reason: string,
): PublishOutcome {
  outcome.log.push(reason);
  const annotations = annotationsFor(result.findings, options.paths, options.detail);
  outcome.annotations = annotations.lines;
  const notes = [reason];
  if (annotations.left > 0) {
    notes.push(
      `Annotations show the ${annotations.lines.length} most severe findings, because GitHub shows at most ` +
        `${MAX_ANNOTATIONS_PER_LEVEL} errors and ${MAX_ANNOTATIONS_PER_LEVEL} warnings per step; ` +
        `and ${annotations.left} more are listed below.`,
    );
  }
  return withStepSummary(outcome, result, context, options, notes);
}

function withStepSummary(
  outcome: PublishOutcome,
  result: ScanResult,
  context: GitHubContext,
  options: PublishOptions,
  notes: string[],
): PublishOutcome {
  const failures: Finding[] = activeFailures(result.findings);
  outcome.stepSummary = summaryBody({
    result,
    ref: context,
    paths: options.paths,
    detail: options.detail,
    listed: failures,
    inlineCount: outcome.inlinePosted,
    fixed: [],
    fixedUnnamed: 0,
    notes,
    limit: STEP_SUMMARY_LIMIT,
    listTitle: 'Findings, most severe first',
  });
  return outcome;
}

function describe(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  return typeof status === 'number' ? `${status} "${message}"` : `"${message}"`;
}
