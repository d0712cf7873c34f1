import { relative, sep } from 'node:path';
import type { Finding } from '../types.ts';
import { BASELINE_VERSION, type Baseline, type BaselineEntry } from './types.ts';

/**
 * Records the findings that are not suppressed, one entry per fingerprint,
 * sorted so that the file diffs cleanly between runs.
 */
export function createBaseline(findings: Finding[], root: string): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    if (finding.suppression !== undefined || entries.has(finding.fingerprint)) continue;
    entries.set(finding.fingerprint, {
      fingerprint: finding.fingerprint,
      ruleId: finding.ruleId,
      address: finding.address,
      file: relative(root, finding.location.file).split(sep).join('/'),
    });
  }
  const sorted = [...entries.values()].sort(
    (a, b) => compare(a.ruleId, b.ruleId) || compare(a.address, b.address) || compare(a.fingerprint, b.fingerprint),
  );
  return { version: BASELINE_VERSION, tool: 'zoneguard', findings: sorted };
}

/** Formats the baseline as the file's text, two-space indented. */
export function baselineText(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
