/**
 * Hidden HTML comments that let a later run recognise what zoneguard wrote.
 * GitHub keeps them in the body and does not render them.
 */
export const SUMMARY_MARKER = '<!-- zoneguard:summary -->';

export function findingMarker(fingerprint: string, ruleId: string): string {
  return `<!-- zoneguard:fp=${fingerprint} rule=${ruleId} -->`;
}

export function resolvedMarker(fingerprint: string): string {
  return `<!-- zoneguard:resolved=${fingerprint} -->`;
}

/** The fingerprint and rule id of a review comment zoneguard wrote, or undefined. */
export function readFindingMarker(body: string): { fingerprint: string; ruleId?: string } | undefined {
  const match = /<!-- zoneguard:fp=([0-9A-Za-z_-]+)(?: rule=([0-9A-Za-z_.-]+))? -->/.exec(body);
  if (!match) return undefined;
  return { fingerprint: match[1]!, ...(match[2] ? { ruleId: match[2] } : {}) };
}

export function readResolvedMarker(body: string): string | undefined {
  return /<!-- zoneguard:resolved=([0-9A-Za-z_-]+) -->/.exec(body)?.[1];
}

/** Fingerprints the summary listed without an inline comment, kept for "fixed since the last run". */
export function summaryFingerprintsMarker(fingerprints: string[]): string {
  return `<!-- zoneguard:summary-fps=${fingerprints.join(',')} -->`;
}

export function readSummaryFingerprints(body: string): string[] {
  const match = /<!-- zoneguard:summary-fps=([0-9A-Za-z_,-]*) -->/.exec(body);
  return match?.[1] ? match[1].split(',').filter((value) => value !== '') : [];
}
