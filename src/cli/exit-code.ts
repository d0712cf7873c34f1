import { isInputFailure, isInvalidInputValue } from '../diagnostics.ts';
import type { ScanResult } from '../engine/result.ts';
import { SEVERITIES, type Severity } from '../engine/types.ts';
import { EXIT } from './errors.ts';

export interface ExitPolicy {
  /** Findings at or above this severity fail the scan. */
  threshold: Severity;
  /** Count unknown results at or above the threshold as failures. */
  failOnUnknown: boolean;
}

/**
 * Returns 2 when any input could not be read or holds an invalid value, even
 * if there are findings, because a verdict on partial input would mislead.
 * Otherwise returns 1 when an unsuppressed finding reaches the threshold, and
 * 0 when none does.
 */
export function exitCodeFor(result: ScanResult, policy: ExitPolicy): number {
  const unreadable = (diagnostic: ScanResult['diagnostics'][number]) =>
    isInputFailure(diagnostic) || isInvalidInputValue(diagnostic);
  if (result.diagnostics.some(unreadable)) return EXIT.inputError;
  const limit = SEVERITIES.indexOf(policy.threshold);
  const blocking = result.findings.some(
    (finding) =>
      finding.suppression === undefined &&
      SEVERITIES.indexOf(finding.severity) <= limit &&
      (finding.status === 'fail' || policy.failOnUnknown),
  );
  return blocking ? EXIT.findings : EXIT.ok;
}
