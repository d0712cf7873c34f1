import type { MatrixCell } from '../analysis/reachability/types.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ZoneListingSite } from '../model/zones/listing.ts';
import type { BaselineOutcome } from './baseline/types.ts';
import type { SuppressionRecord } from './suppressions/types.ts';
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
  /** Every suppression read (comments, tags, config waivers) and what it matched. */
  suppressions?: SuppressionRecord[];
  /** Set when the scan was compared with a baseline (`--baseline`). */
  baseline?: BaselineOutcome;
  /** The sites of every root module with their segments and zones, for diagrams. */
  zones?: ZoneListingSite[];
  /** The zone-to-zone flow matrix of each site, by the site of the flow's target. */
  matrix?: SiteMatrix[];
  /** How many objects of each model collection were checked, summed over root modules. */
  inventory?: Record<string, number>;
}

/** The flow matrix cells of one site (`(no site)` for targets outside every site). */
export interface SiteMatrix {
  site: string;
  cells: MatrixCell[];
}
