import { isInputFailure, type Diagnostic } from '../diagnostics.ts';
import { SEVERITIES, type Finding, type Severity } from '../engine/types.ts';
import type { ScanResult } from '../engine/result.ts';

/** Counts every report shows, computed once so text and JSON agree. */
export interface ScanSummary {
  /** Unsuppressed failures by severity. */
  bySeverity: Record<Severity, number>;
  findings: number;
  suppressed: number;
  /** Unsuppressed "could not evaluate" results. */
  notEvaluated: number;
  filesScanned: number;
  filesNotScanned: number;
  unresolvedVariables: number;
  diagnostics: Record<Diagnostic['severity'], number>;
  /** Error diagnostics other than unread files: an evaluation that failed, a rule that threw. */
  otherErrors: number;
  /**
   * False when a file was skipped, a result is unknown or an error diagnostic
   * was reported, so "no issues" would mislead.
   */
  complete: boolean;
}

export function summarize(result: ScanResult): ScanSummary {
  const failures = activeFindings(result, 'fail');
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of failures) bySeverity[finding.severity] += 1;
  const notScanned = filesNotScanned(result.diagnostics);
  const notEvaluated = activeFindings(result, 'unknown').length;
  const diagnostics = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of result.diagnostics) diagnostics[diagnostic.severity] += 1;
  const otherErrors = diagnostics.error - notScanned.length;
  return {
    bySeverity,
    findings: failures.length,
    suppressed: result.findings.filter((f) => f.suppression !== undefined).length,
    notEvaluated,
    filesScanned: result.files.length,
    // One file with several schema errors is still one file not scanned.
    filesNotScanned: new Set(notScanned.map((diagnostic) => diagnostic.location?.file ?? diagnostic.message)).size,
    unresolvedVariables: result.unresolvedVariables.length,
    diagnostics,
    otherErrors,
    complete: notScanned.length === 0 && notEvaluated === 0 && otherErrors === 0,
  };
}

/** Unsuppressed findings of one status, in report order. */
export function activeFindings(result: ScanResult, status: Finding['status']): Finding[] {
  return result.findings.filter((f) => f.status === status && f.suppression === undefined);
}

/** Diagnostics that mean an input was not read at all. */
export function filesNotScanned(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter(isInputFailure);
}

/** Most severe first; `info` last. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
