import { afterEach, describe, expect, it } from 'vitest';
import { readFindingMarker, SUMMARY_MARKER } from '../../../src/integrations/github/markers.ts';
import { DB_A, DB_B, SG_A, SG_B } from './case-24-files.ts';
import { added, checkout, runAction, writeCommit } from './harness.ts';
import { MockGitHub } from './mock-github.ts';

let mock: MockGitHub | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

function findingComments(github: MockGitHub) {
  return github.reviewComments.filter((comment) => comment.in_reply_to_id === undefined && readFindingMarker(comment.body));
}

describe('re-runs and new pushes (no duplicate comments)', () => {
  it('posts once, edits the summary, and marks fixed findings', async () => {
    const root = checkout({ 'sg.tf': SG_A, 'db.tf': DB_A });
    mock = new MockGitHub({ token: 'ghs_TestTokenThatMustNeverBePrinted1234', headSha: 'a'.repeat(40), files: [added('sg.tf', SG_A), added('db.tf', DB_A)] });
    const apiUrl = await mock.start();

    const first = await runAction({ apiUrl, root, sha: mock.headSha });
    const firstComments = findingComments(mock);
    const lines = firstComments.map((comment) => `${comment.path}:${comment.line}`);
    expect(lines).toContain('sg.tf:16');
    expect(lines).toContain('db.tf:5');
    expect(mock.issueComments).toHaveLength(1);
    expect(mock.issueComments[0]!.body).toContain(SUMMARY_MARKER);
    expect(first.code).toBe(1);

    const second = await runAction({ apiUrl, root, sha: mock.headSha });
    expect(findingComments(mock)).toHaveLength(firstComments.length);
    expect(mock.issueComments).toHaveLength(1);
    expect(mock.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
    expect(second.code).toBe(1);

    // 140 comments by people, so the list of review comments spans two pages.
    for (let index = 0; index < 140; index += 1) mock.addHumanComment('sg.tf', 1);
    writeCommit(root, { 'sg.tf': SG_B, 'db.tf': DB_B });
    mock.headSha = 'b'.repeat(40);
    mock.files = [added('sg.tf', SG_B), added('db.tf', DB_B)];
    await runAction({ apiUrl, root, sha: mock.headSha });

    const afterB = findingComments(mock);
    const newComments = afterB.slice(firstComments.length);
    expect(newComments.map((comment) => `${comment.path}:${comment.line}`)).toEqual(['sg.tf:25']);
    const f1 = firstComments.find((comment) => comment.path === 'sg.tf' && comment.line === 16)!;
    const f3 = newComments[0]!;
    expect(readFindingMarker(f3.body)!.fingerprint).not.toBe(readFindingMarker(f1.body)!.fingerprint);
    const f2 = firstComments.find((comment) => comment.path === 'db.tf')!;
    const replies = mock.reviewComments.filter((comment) => comment.in_reply_to_id === f2.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain(`Fixed in ${'b'.repeat(40)}`);
    expect(mock.reviewComments.filter((comment) => comment.in_reply_to_id === f1.id)).toHaveLength(0);
    expect(mock.issueComments).toHaveLength(1);
    expect(mock.issueComments[0]!.body).toMatch(/### Fixed since the last run \(\d+\)[\s\S]*portal-db-not-exposed/);

    // A fourth run on the same commit answers nothing twice and posts nothing new.
    await runAction({ apiUrl, root, sha: mock.headSha });
    expect(findingComments(mock)).toHaveLength(afterB.length);
    expect(mock.reviewComments.filter((comment) => comment.in_reply_to_id === f2.id)).toHaveLength(1);
    expect(mock.violations).toEqual([]);
  });
});
