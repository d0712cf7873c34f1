import type { Finding } from '../../engine/types.ts';
import { readSummaryFingerprints } from './markers.ts';
import type { Placement } from './placement.ts';
import { FINGERPRINT_PREFIX, type FixedFinding } from './summary-body.ts';

/**
 * What an earlier run reported that this run no longer finds: earlier inline
 * comments now answered as fixed, and fingerprints the previous summary listed.
 */
export function fixedSinceLastRun(
  placement: Placement,
  previousSummary: string | undefined,
  findings: Finding[],
): { named: FixedFinding[]; unnamed: number } {
  const named = placement.resolved.map(({ comment, suppressedBy }) => ({
    path: comment.path,
    ...(comment.ruleId ? { ruleId: comment.ruleId } : {}),
    ...(comment.line !== undefined ? { line: comment.line } : {}),
    ...(suppressedBy ? { suppressed: true } : {}),
  }));
  const active = new Set(
    findings
      .filter((finding) => finding.suppression === undefined)
      .map((finding) => finding.fingerprint.slice(0, FINGERPRINT_PREFIX)),
  );
  const previous = previousSummary ? readSummaryFingerprints(previousSummary) : [];
  const unnamed = previous.filter((prefix) => !active.has(prefix)).length;
  return { named, unnamed };
}
