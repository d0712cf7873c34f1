/**
 * True for GitHub's answer to a write with a read-only token: a pull request
 * from a fork, or a workflow without `pull-requests: write`. Rate limits also
 * answer 403, but they name the limit, and the client retries those itself.
 */
export function isReadOnlyError(error: unknown): boolean {
  return httpStatus(error) === 403 && !/rate limit/i.test((error as Error).message);
}

export function readOnlyReason(forkOf: { head: string; base: string } | undefined): string {
  if (forkOf) {
    return (
      `No pull-request comments were posted, because the token is read-only on a pull request ` +
      `from the fork ${forkOf.head}. The findings are in the job summary and as annotations.`
    );
  }
  return (
    'No pull-request comments were posted, because GitHub answered 403 "Resource not accessible ' +
    'by integration": the token cannot write to the pull request. Give the workflow ' +
    '`permissions: pull-requests: write`. The findings are in the job summary and as annotations.'
  );
}

/** The HTTP status of an Octokit request error, read without importing its class. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
