/**
 * How much a comment on GitHub may say. `redacted` keeps rule, file, line and
 * severity but leaves out addresses, CIDRs, port lists and reachability
 * evidence: a network design is state-secret material under Article 28.1 of
 * the regulation, and pull-request comments reach more readers than the job's
 * artifacts.
 */
export type CommentDetail = 'full' | 'redacted';

export function redactedNote(artifactsLink: string | undefined): string {
  const where = artifactsLink ? `the [workflow run's artifacts](${artifactsLink})` : "the job's artifacts";
  return (
    'Details (addresses, CIDRs, ports and why the flow is reachable) are left out of ' +
    `pull-request comments in redacted mode. The full report is in ${where}.`
  );
}
