import type { Diagnostic } from '../diagnostics.ts';
import type { ScanResult } from '../engine/result.ts';
import type { Finding } from '../engine/types.ts';
import type { SourceLocation } from '../model/location.ts';
import { relativePath } from './paths.ts';
import { summarize, type ScanSummary } from './summary.ts';

/**
 * Version of the JSON report's shape. It changes only when a field is removed
 * or changes meaning; new fields keep the version. docs/cli.md documents it.
 */
export const JSON_REPORT_VERSION = 1;

export interface JsonReport {
  version: number;
  tool: { name: 'zoneguard'; version: string };
  root: string;
  language: ScanResult['language'];
  files: string[];
  /** Failures, suppressed ones included with their `suppression`. */
  findings: JsonFinding[];
  /** Results that could not be evaluated, with the unknown value and reason. */
  notEvaluated: JsonFinding[];
  diagnostics: Diagnostic[];
  unresolvedVariables: ScanResult['unresolvedVariables'];
  /** Rules the config turned off, with the required reason. */
  skippedRules: Array<{ ruleId: string; reason: string }>;
  summary: ScanSummary;
  /** With `--baseline`: findings it held and entries fixed since; the file relative to `root`. */
  baseline?: NonNullable<ScanResult['baseline']>;
}

/** A finding with every field of `Finding`, its paths relative to `root`, and the unknown as plain data. */
export type JsonFinding = Omit<Finding, 'unknown'> & { unknown?: { origin: string; reason: string } };

/** Renders the scan as the stable JSON report, two-space indented. */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(buildJsonReport(result), null, 2)}\n`;
}

export function buildJsonReport(result: ScanResult): JsonReport {
  const relocate = (location: SourceLocation) => relativeLocation(result.root, location);
  const findings = result.findings.map((finding) => jsonFinding(finding, relocate));
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: 'zoneguard', version: result.toolVersion },
    root: result.root,
    language: result.language,
    files: result.files.map((file) => relativePath(result.root, file)),
    findings: findings.filter((finding) => finding.status === 'fail'),
    notEvaluated: findings.filter((finding) => finding.status === 'unknown'),
    diagnostics: result.diagnostics.map((d) =>
      d.location ? { ...d, location: relocate(d.location) } : { ...d },
    ),
    unresolvedVariables: result.unresolvedVariables,
    skippedRules: result.skippedRules ?? [],
    summary: summarize(result),
    ...(result.baseline
      ? { baseline: { ...result.baseline, ...(result.baseline.file ? { file: relativePath(result.root, result.baseline.file) } : {}) } }
      : {}),
  };
}

function jsonFinding(finding: Finding, relocate: (l: SourceLocation) => SourceLocation): JsonFinding {
  const { unknown, ...rest } = finding;
  const copy: JsonFinding = {
    ...rest,
    location: relocate(finding.location),
    related: finding.related.map((r) => ({ ...r, location: relocate(r.location) })),
    evidence: finding.evidence.map((step) => ({ ...step, location: relocate(step.location) })),
  };
  if (finding.suppression?.location) {
    copy.suppression = { ...finding.suppression, location: relocate(finding.suppression.location) };
  }
  if (finding.fix) copy.fix = { ...finding.fix, location: relocate(finding.fix.location) };
  if (unknown) copy.unknown = { origin: unknown.origin, reason: unknown.reason };
  return copy;
}

function relativeLocation(root: string, location: SourceLocation): SourceLocation {
  return { ...location, file: relativePath(root, location.file) };
}
