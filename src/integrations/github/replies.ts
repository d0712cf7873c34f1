import createDebug from 'debug';
import type { GitHubClient } from './client.ts';
import { resolvedMarker } from './markers.ts';
import type { Placement } from './placement.ts';

const debug = createDebug('zoneguard:integrations:github:replies');

/**
 * Answers each earlier comment whose finding is gone with "Fixed in <sha>"
 * (or "Suppressed in <sha>"), once: the reply's marker stops a later run from
 * answering again.
 */
export async function replyResolved(
  client: GitHubClient,
  target: { owner: string; repo: string; pullNumber: number; headSha: string },
  resolved: Placement['resolved'],
): Promise<void> {
  for (const { comment, suppressedBy } of resolved) {
    const sentence = suppressedBy
      ? `Suppressed in ${target.headSha}: ${suppressedBy.suppression?.reason ?? ''}`.trim()
      : `Fixed in ${target.headSha}.`;
    await client.rest.pulls.createReplyForReviewComment({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      comment_id: comment.id,
      body: `${sentence}\n\n${resolvedMarker(comment.fingerprint)}`,
    });
    debug('replied to comment %d: finding %s %s', comment.id, comment.fingerprint, suppressedBy ? 'suppressed' : 'fixed');
  }
}
