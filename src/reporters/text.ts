import type { Diagnostic } from '../diagnostics.ts';
import type { ScanResult } from '../engine/result.ts';
import { SEVERITIES, type Finding } from '../engine/types.ts';
import { painter, type Painter } from './color.ts';
import { formatLine, formatLocation } from './format-location.ts';
import { labelsFor, type ReportLabels } from './labels.ts';
import { relativePath } from './paths.ts';
import {
  activeFindings,
  filesNotScanned,
  severityRank,
  summarize,
  type ScanSummary,
} from './summary.ts';

export interface TextOptions {
  /** ANSI colours; the CLI turns them on only for a terminal. */
  color: boolean;
}

interface Context {
  root: string;
  labels: ReportLabels;
  paint: Painter;
}

const INDENT = '      ';

/** Renders a scan for a terminal or a CI log, in `result.language`. */
export function renderText(result: ScanResult, options: TextOptions): string {
  const context: Context = {
    root: result.root,
    labels: labelsFor(result.language),
    paint: painter(options.color),
  };
  const summary = summarize(result);
  const sections = [
    findingsSection(result, context, summary),
    notEvaluatedSection(result, context),
    unresolvedSection(result, context),
    notScannedSection(result, context),
    otherDiagnosticsSection(result, context),
    skippedRulesSection(result, context),
    baselineSection(result, context),
    [summaryLine(summary, context)],
  ];
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')
    .concat('\n');
}

function findingsSection(result: ScanResult, context: Context, summary: ScanSummary): string[] {
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(activeFindings(result, 'fail'), context.root)) {
    if (lines.length > 0) lines.push('');
    lines.push(context.paint.bold(file));
    for (const finding of findings) lines.push(...findingLines(finding, context));
  }
  if (summary.suppressed > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(context.paint.dim(context.labels.suppressedNotShown(summary.suppressed)));
  }
  return lines;
}

function findingLines(finding: Finding, context: Context): string[] {
  const { labels, paint, root } = context;
  const severity = paint.severity(finding.severity, labels.severity[finding.severity]);
  const articles = finding.articles.length > 0 ? `  [${finding.articles.join(', ')}]` : '';
  const lines = [
    `  ${formatLocation(root, finding.location)}  ${severity}  ${finding.ruleId}${articles}  ` +
      finding.message,
    `${INDENT}${labels.fix}: ${finding.remediation}`,
  ];
  if (finding.evidence.length > 0) {
    lines.push(`${INDENT}${labels.whyReachable}:`);
    finding.evidence.forEach((step, index) => {
      lines.push(`${INDENT}  ${index + 1}. ${step.text} (${formatLine(root, step.location)})`);
    });
  }
  for (const related of finding.related) {
    lines.push(`${INDENT}${labels.related}: ${related.message} (${formatLine(root, related.location)})`);
  }
  if (finding.constructPath) lines.push(`${INDENT}${labels.construct}: ${finding.constructPath}`);
  return lines;
}

function notEvaluatedSection(result: ScanResult, context: Context): string[] {
  const unknowns = sortFindings(activeFindings(result, 'unknown'), context.root);
  if (unknowns.length === 0) return [];
  const lines = [context.paint.bold(context.labels.notEvaluated(unknowns.length))];
  for (const finding of unknowns) {
    lines.push(`  ${formatLocation(context.root, finding.location)}  ${finding.ruleId}  ${finding.message}`);
    if (finding.unknown) {
      const { origin, reason } = finding.unknown;
      lines.push(`${INDENT}${context.labels.unknownValue}: ${origin} (${reason})`);
    }
  }
  return lines;
}

function unresolvedSection(result: ScanResult, context: Context): string[] {
  const variables = result.unresolvedVariables;
  if (variables.length === 0) return [];
  const lines = [context.paint.bold(context.labels.unresolvedVariables(variables.length))];
  for (const { variable, usedBy } of variables) {
    const users = usedBy.length > 0 ? `  ${context.labels.usedBy} ${usedBy.join(', ')}` : '';
    lines.push(`  ${variable}${users}`);
  }
  return lines;
}

function notScannedSection(result: ScanResult, context: Context): string[] {
  const failures = filesNotScanned(result.diagnostics);
  if (failures.length === 0) return [];
  const files = new Set(failures.map((diagnostic) => diagnostic.location?.file ?? diagnostic.message));
  const lines = [context.paint.bold(context.labels.filesNotScanned(files.size))];
  for (const diagnostic of failures) lines.push(...diagnosticLines(diagnostic, context, false));
  return lines;
}

function otherDiagnosticsSection(result: ScanResult, context: Context): string[] {
  const skipped = new Set(filesNotScanned(result.diagnostics));
  // Unresolved variables have their own section when the engine lists them.
  const listed = result.unresolvedVariables.length > 0;
  const others = result.diagnostics.filter(
    (d) => !skipped.has(d) && !(listed && d.code === 'unresolved-variable'),
  );
  if (others.length === 0) return [];
  const lines = [context.paint.bold(context.labels.otherDiagnostics(others.length))];
  for (const diagnostic of others) lines.push(...diagnosticLines(diagnostic, context, true));
  return lines;
}

function skippedRulesSection(result: ScanResult, context: Context): string[] {
  const skipped = result.skippedRules ?? [];
  if (skipped.length === 0) return [];
  const lines = [context.paint.bold(context.labels.skippedRules(skipped.length))];
  for (const { ruleId, reason } of skipped) lines.push(`  ${ruleId}  ${reason}`);
  return lines;
}

/** With `--baseline`: how many findings it held, and each entry fixed since. */
function baselineSection(result: ScanResult, context: Context): string[] {
  const outcome = result.baseline;
  if (!outcome) return [];
  const lines = [context.paint.bold(context.labels.baseline(outcome.inBaseline, outcome.fixed.length))];
  for (const entry of outcome.fixed) {
    lines.push(`  ${entry.ruleId}  ${entry.address}${entry.file ? `  (${entry.file})` : ''}`);
  }
  return lines;
}

function diagnosticLines(diagnostic: Diagnostic, context: Context, withCode: boolean): string[] {
  const where = diagnostic.location ? `${formatLocation(context.root, diagnostic.location)}  ` : '';
  const code = withCode ? `${diagnostic.severity}  ${diagnostic.code}  ` : '';
  const lines = [`  ${where}${code}${diagnostic.message}`];
  if (diagnostic.hint) lines.push(`${INDENT}${diagnostic.hint}`);
  return lines;
}

function summaryLine(summary: ScanSummary, context: Context): string {
  const { labels, paint } = context;
  if (summary.findings === 0 && summary.complete) return paint.bold(labels.noIssues(summary.filesScanned));
  const parts: string[] = [];
  if (summary.filesNotScanned > 0) parts.push(labels.filesSkipped(summary.filesNotScanned));
  if (summary.notEvaluated > 0) parts.push(labels.resultsUnknown(summary.notEvaluated));
  if (summary.otherErrors > 0) parts.push(labels.otherErrors(summary.otherErrors));
  if (summary.suppressed > 0) parts.push(labels.suppressed(summary.suppressed));
  if (summary.findings === 0) {
    return paint.bold(`${labels.noFindingsButIncomplete}: ${parts.join(', ')}.`);
  }
  const bySeverity = SEVERITIES.filter((s) => summary.bySeverity[s] > 0)
    .map((s) => `${summary.bySeverity[s]} ${labels.severity[s].toLowerCase()}`)
    .join(', ');
  const rest = parts.length > 0 ? `; ${parts.join('; ')}` : '';
  return paint.bold(`${labels.findingCount(summary.findings)} (${bySeverity})${rest}.`);
}

/** Findings by relative file, files in name order, findings by line then severity. */
function groupByFile(findings: Finding[], root: string): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of sortFindings(findings, root)) {
    const file = relativePath(root, finding.location.file);
    const group = groups.get(file) ?? [];
    group.push(finding);
    groups.set(file, group);
  }
  return groups;
}

function sortFindings(findings: Finding[], root: string): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(relativePath(root, a.location.file), relativePath(root, b.location.file)) ||
      (a.location.range?.startLine ?? 0) - (b.location.range?.startLine ?? 0) ||
      (a.location.range?.startColumn ?? 0) - (b.location.range?.startColumn ?? 0) ||
      severityRank(a.severity) - severityRank(b.severity) ||
      compareText(a.ruleId, b.ruleId),
  );
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
