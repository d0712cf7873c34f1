import type { Diagnostic } from '../diagnostics.ts';
import type { Finding, Language, RuleMeta } from './types.ts';

/** Everything one scan produced; reporters are pure functions of it. */
export interface ScanResult {
  /** The absolute folder locations are relative to in every report. */
  root: string;
  /** Files read, absolute. */
  files: string[];
  /** Failures and "could not evaluate" results, suppressed ones included. */
  findings: Finding[];
  diagnostics: Diagnostic[];
  unresolvedVariables: Array<{ variable: string; usedBy: string[] }>;
  /** Metadata of every rule that ran, for SARIF and listings. */
  rules: RuleMeta[];
  language: Language;
  toolVersion: string;
  /** Rules the config skipped, with the reason it gives. */
  skippedRules?: Array<{ ruleId: string; reason: string }>;
  /** Milliseconds spent per stage, summed over root modules (for the benchmark). */
  timings?: Record<string, number>;
}
