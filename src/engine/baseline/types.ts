/** Version of the baseline file's shape; a file of another version is refused. */
export const BASELINE_VERSION = 1;

/** One accepted finding, found again by its fingerprint. */
export interface BaselineEntry {
  fingerprint: string;
  /** For people reading the file; matching uses only the fingerprint. */
  ruleId: string;
  address: string;
  /** Path relative to the scan root when the baseline was made, for reading only. */
  file?: string;
}

/** The `zoneguard-baseline.json` file. */
export interface Baseline {
  version: number;
  tool: 'zoneguard';
  findings: BaselineEntry[];
}

/** The result of comparing a scan with a baseline. */
export interface BaselineOutcome {
  /** The baseline file, absolute, when it came from one. */
  file?: string;
  /** Findings of this scan that the baseline already holds. */
  inBaseline: number;
  /** Baseline entries with no finding in this scan: fixed since. */
  fixed: BaselineEntry[];
}
