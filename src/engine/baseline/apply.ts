import { basename } from 'node:path';
import type { Finding } from '../types.ts';
import type { Baseline, BaselineOutcome } from './types.ts';

/**
 * Marks findings the baseline contains as suppressed (kind `baseline`), so they
 * no longer fail the scan, and lists the entries no finding matched any more.
 * Findings suppressed otherwise keep their own suppression.
 */
export function applyBaseline(
  findings: Finding[],
  baseline: Baseline,
  file?: string,
): { findings: Finding[]; outcome: BaselineOutcome } {
  const known = new Set(baseline.findings.map((entry) => entry.fingerprint));
  const present = new Set(findings.map((finding) => finding.fingerprint));
  const reason = file === undefined ? 'in baseline' : `in baseline ${basename(file)}`;
  let inBaseline = 0;
  const marked = findings.map((finding) => {
    if (finding.suppression !== undefined || !known.has(finding.fingerprint)) return finding;
    inBaseline += 1;
    return { ...finding, suppression: { kind: 'baseline' as const, reason } };
  });
  const fixed = baseline.findings.filter((entry) => !present.has(entry.fingerprint));
  return { findings: marked, outcome: { ...(file === undefined ? {} : { file }), inBaseline, fixed } };
}
