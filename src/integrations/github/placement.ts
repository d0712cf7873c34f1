import type { SourceLocation } from '../../model/location.ts';
import { SEVERITIES, type Finding } from '../../engine/types.ts';
import type { ChangedFile } from './diff.ts';
import type { EarlierComment } from './pull-request.ts';
import { repositoryPath, type PathBase } from './paths.ts';

/** Why a finding that could have gone inline is in the summary only. */
export type SummaryReason =
  | 'outside-diff'
  | 'no-region'
  | 'outside-repository'
  | 'over-cap'
  | 'too-many-files'
  | 'rejected'
  | 'summary-mode';

/** A review comment to write: the finding and the diff line it sits on. */
export interface InlineComment {
  finding: Finding;
  path: string;
  line: number;
  /** The other end of a flow finding, when the comment sits on one end. */
  otherEnd?: { path: string; line?: number; message: string };
}

export interface Placement {
  inline: InlineComment[];
  /** Findings an earlier run already commented on; not commented again. */
  commentedEarlier: Finding[];
  summaryOnly: Array<{ finding: Finding; reason: SummaryReason }>;
  /** Earlier comments whose finding is gone or now suppressed, not yet answered. */
  resolved: Array<{ comment: EarlierComment; suppressedBy?: Finding }>;
}

export interface PlacementInput {
  findings: Finding[];
  files: Map<string, ChangedFile>;
  earlier: EarlierComment[];
  paths: PathBase;
  maxInline: number;
  /** No inline comments at all: summary mode, or a pull request too large to list. */
  inlineDisabled?: SummaryReason;
}

/**
 * Decides where each failing, unsuppressed finding goes: a new review comment
 * on a line GitHub accepts, nothing new because an earlier run commented on
 * it, or the summary only. Most severe findings get the inline places first.
 */
export function placeFindings(input: PlacementInput): Placement {
  const placement: Placement = { inline: [], commentedEarlier: [], summaryOnly: [], resolved: [] };
  const earlier = new Set(input.earlier.map((comment) => comment.fingerprint));
  for (const finding of bySeverity(activeFailures(input.findings))) {
    if (earlier.has(finding.fingerprint)) {
      placement.commentedEarlier.push(finding);
      continue;
    }
    const target = input.inlineDisabled ? input.inlineDisabled : anchor(finding, input);
    if (typeof target === 'string') placement.summaryOnly.push({ finding, reason: target });
    else if (placement.inline.length >= input.maxInline) placement.summaryOnly.push({ finding, reason: 'over-cap' });
    else placement.inline.push(target);
  }
  placement.resolved = resolvedComments(input.earlier, input.findings);
  return placement;
}

/** Failures that are not suppressed; unknown results go to the summary's own list. */
export function activeFailures(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.status === 'fail' && finding.suppression === undefined);
}

/** Most severe first; the order of equal severities is kept. */
export function bySeverity<T extends { severity: Finding['severity'] }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => SEVERITIES.indexOf(a.item.severity) - SEVERITIES.indexOf(b.item.severity) || a.index - b.index)
    .map((entry) => entry.item);
}

/** The end of the finding that lies in the diff, the finding's own location first. */
function anchor(finding: Finding, input: PlacementInput): InlineComment | SummaryReason {
  const ends = [
    { location: finding.location, message: finding.message },
    ...finding.related.map((related) => ({ location: related.location, message: related.message })),
  ];
  let reason: SummaryReason = 'outside-diff';
  for (const [index, end] of ends.entries()) {
    const spot = diffSpot(end.location, input);
    if (typeof spot === 'string') {
      if (index === 0) reason = spot;
      continue;
    }
    const other = index === 0 ? ends[1] : ends[0];
    return { finding, ...spot, ...(other ? { otherEnd: describeEnd(other, input.paths) } : {}) };
  }
  return reason;
}

function diffSpot(location: SourceLocation, input: PlacementInput): { path: string; line: number } | SummaryReason {
  const path = repositoryPath(location.file, input.paths);
  if (path === undefined) return 'outside-repository';
  const line = location.range?.startLine;
  if (line === undefined || line < 1) return 'no-region';
  return input.files.get(path)?.commentableLines.has(line) ? { path, line } : 'outside-diff';
}

function describeEnd(end: { location: SourceLocation; message: string }, paths: PathBase): InlineComment['otherEnd'] {
  const path = repositoryPath(end.location.file, paths) ?? end.location.file;
  const line = end.location.range?.startLine;
  return { path, ...(line !== undefined && line >= 1 ? { line } : {}), message: end.message };
}

function resolvedComments(earlier: EarlierComment[], findings: Finding[]): Placement['resolved'] {
  const byFingerprint = new Map(findings.map((finding) => [finding.fingerprint, finding]));
  const answered = new Set<string>();
  const resolved: Placement['resolved'] = [];
  for (const comment of earlier) {
    const current = byFingerprint.get(comment.fingerprint);
    const gone = current === undefined || current.suppression !== undefined;
    // Two earlier comments with one fingerprint get one reply, on the first.
    if (!gone || comment.resolved || answered.has(comment.fingerprint)) continue;
    answered.add(comment.fingerprint);
    resolved.push({ comment, ...(current ? { suppressedBy: current } : {}) });
  }
  return resolved;
}
