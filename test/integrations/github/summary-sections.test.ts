import { afterEach, describe, expect, it } from 'vitest';
import { added, checkout, runAction, TOKEN } from './harness.ts';
import { MockGitHub } from './mock-github.ts';

let mock: MockGitHub | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

const BASTION = `# zoneguard:ignore management-ports-from-management-zone -- break-glass bastion, ticket OPS-12
# zoneguard:ignore internet-ingress-dmz-only -- break-glass bastion, ticket OPS-12
resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

const BROKEN = `resource "aws_security_group" "half" {
  name = "half"
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"
  }
}
`;

describe('summary comment sections', () => {
  it('lists unscanned files and counts suppressed findings', async () => {
    const root = checkout({ 'main.tf': BASTION, 'broken.tf': BROKEN });
    mock = new MockGitHub({ token: TOKEN, headSha: 'd'.repeat(40), files: [added('main.tf', BASTION), added('broken.tf', BROKEN)] });
    const apiUrl = await mock.start();
    const run = await runAction({ apiUrl, root, sha: mock.headSha });
    const summary = mock.issueComments[0]!.body;
    expect(summary).toMatch(/### Files not scanned \(1\)\n\n- `broken\.tf:[78]`/);
    expect(summary).toMatch(/\*\*[1-9]\d* suppressed\*\*/);
    expect(summary).not.toMatch(/## zoneguard: no findings\n/);
    const suppressedRules = ['management-ports-from-management-zone', 'internet-ingress-dmz-only'];
    for (const comment of mock.reviewComments) {
      for (const rule of suppressedRules) expect(comment.body).not.toContain(`rule=${rule} `);
    }
    expect(run.code).toBe(2);
    expect(mock.violations).toEqual([]);
  });
});
