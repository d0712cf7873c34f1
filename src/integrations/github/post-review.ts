import createDebug from 'debug';
import type { GitHubClient } from './client.ts';
import type { InlineComment } from './placement.ts';
import { httpStatus } from './read-only.ts';

const debug = createDebug('zoneguard:integrations:github:post-review');

/**
 * Comments per review request. Large reviews time out with 502 on GitHub, and
 * each review is written whole or not at all, so a run that stops half-way
 * leaves whole batches, which the next run recognises by their markers.
 */
export const REVIEW_BATCH_SIZE = 25;

export interface ReviewTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
}

export interface PostedReview {
  posted: InlineComment[];
  /** Comments GitHub rejected with 422 (a line it does not place in the diff). */
  rejected: InlineComment[];
}

/** Writes the comments as reviews of up to REVIEW_BATCH_SIZE comments each. */
export async function postReviews(
  client: GitHubClient,
  target: ReviewTarget,
  comments: Array<{ comment: InlineComment; body: string }>,
  batchSize = REVIEW_BATCH_SIZE,
): Promise<PostedReview> {
  const outcome: PostedReview = { posted: [], rejected: [] };
  for (let start = 0; start < comments.length; start += batchSize) {
    const batch = comments.slice(start, start + batchSize);
    try {
      await createReview(client, target, batch);
      outcome.posted.push(...batch.map((entry) => entry.comment));
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      debug('review rejected with 422 (%s); posting its %d comments one by one', (error as Error).message, batch.length);
      await postOneByOne(client, target, batch, outcome);
    }
  }
  return outcome;
}

async function createReview(
  client: GitHubClient,
  target: ReviewTarget,
  batch: Array<{ comment: InlineComment; body: string }>,
): Promise<void> {
  await client.rest.pulls.createReview({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    commit_id: target.headSha,
    event: 'COMMENT',
    body: `zoneguard: ${batch.length} ${batch.length === 1 ? 'finding' : 'findings'} on changed lines.`,
    comments: batch.map(({ comment, body }) => ({ path: comment.path, line: comment.line, side: 'RIGHT', body })),
  });
}

/** One 422 rejects the whole review; alone, each comment that GitHub places is kept. */
async function postOneByOne(
  client: GitHubClient,
  target: ReviewTarget,
  batch: Array<{ comment: InlineComment; body: string }>,
  outcome: PostedReview,
): Promise<void> {
  for (const { comment, body } of batch) {
    try {
      await client.rest.pulls.createReviewComment({
        owner: target.owner,
        repo: target.repo,
        pull_number: target.pullNumber,
        commit_id: target.headSha,
        path: comment.path,
        line: comment.line,
        side: 'RIGHT',
        body,
      });
      outcome.posted.push(comment);
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      debug('comment on %s:%d rejected with 422; it goes to the summary', comment.path, comment.line);
      outcome.rejected.push(comment);
    }
  }
}
