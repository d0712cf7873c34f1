import type { Finding } from '../types.ts';

/** Keeps the first finding of each fingerprint, i.e. of each (rule, address, detail). */
export function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (seen.has(finding.fingerprint)) return false;
    seen.add(finding.fingerprint);
    return true;
  });
}

/** Sorts by file, line, column and rule id, then by address for a stable order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.location.file, b.location.file) ||
    (a.location.range?.startLine ?? 0) - (b.location.range?.startLine ?? 0) ||
    (a.location.range?.startColumn ?? 0) - (b.location.range?.startColumn ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.address, b.address) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/** Code-unit order, so that sorting does not depend on the locale. */
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
