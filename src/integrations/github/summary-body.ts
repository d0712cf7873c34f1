import type { Diagnostic } from '../../diagnostics.ts';
import type { ScanResult } from '../../engine/result.ts';
import { SEVERITIES, type Finding } from '../../engine/types.ts';
import { renderMermaid } from '../../reporters/diagram/index.ts';
import { filesNotScanned, summarize } from '../../reporters/summary.ts';
import { BodyBudget, MAX_BODY_BYTES, MAX_BODY_CHARACTERS, sizeOf, type BodySize } from './body-limits.ts';
import { redactedNote, type CommentDetail } from './comment-detail.ts';
import type { PullRequestRef } from './context.ts';
import { blobLink, runLink } from './links.ts';
import { codeSpan, inlineText, severityBadge, tableCell } from './markdown.ts';
import { SUMMARY_MARKER, summaryFingerprintsMarker } from './markers.ts';
import { repositoryPath, type PathBase } from './paths.ts';
import { bySeverity } from './placement.ts';
import { minus, renderSection, shareOf, type Section } from './sections.ts';

/** Fingerprints kept in the summary's hidden list; a fingerprint prefix of 12 hex digits is enough to match. */
const KEPT_FINGERPRINTS = 500;
/** Larger Mermaid diagrams are left to the HTML report: GitHub renders them slowly and they crowd out findings. */
const MAX_DIAGRAM_CHARACTERS = 10_000;
export const FINGERPRINT_PREFIX = 12;

/** A finding an earlier run reported that this run no longer finds. */
export interface FixedFinding {
  ruleId?: string;
  path: string;
  line?: number;
  suppressed?: boolean;
}

export interface SummaryInput {
  result: ScanResult;
  ref: PullRequestRef;
  paths: PathBase;
  detail: CommentDetail;
  /** Findings without an inline comment, in this run or an earlier one. */
  listed: Finding[];
  /** Findings with an inline comment. */
  inlineCount: number;
  fixed: FixedFinding[];
  /** Findings the previous summary listed that are gone, beyond those in `fixed`. */
  fixedUnnamed: number;
  /** Sentences about how this run went: caps, fallbacks, files not listed. */
  notes: string[];
  limit?: BodySize;
  /** Heading of the findings table; the job summary lists every finding. */
  listTitle?: string;
}

/**
 * Renders the summary comment. It always fits GitHub's limits: rows are
 * dropped whole, most severe kept, and the cut is said in so many words.
 */
export function summaryBody(input: SummaryInput): string {
  const limit = input.limit ?? { characters: MAX_BODY_CHARACTERS, bytes: MAX_BODY_BYTES };
  const header = headerText(input);
  const footer = footerText(input);
  const tail = [fixedSection(input), notEvaluatedSection(input), notScannedSection(input)]
    .filter((section): section is Section => section !== undefined)
    .map((section) => renderSection(section, shareOf(limit, 0.1)).text);
  tail.push(suppressedText(input.result));
  const diagram = diagramText(input, shareOf(limit, 0.2));
  if (diagram !== '') tail.push(diagram);
  const fixedParts = [header, ...tail, footer].join('\n\n');
  const findings = renderSection(findingsSection(input), minus(limit, sizeOf(`${fixedParts}\n\n\n\n`)));
  return [header, findings.text, ...tail, footer].filter((part) => part !== '').join('\n\n');
}

function headerText(input: SummaryInput): string {
  const summary = summarize(input.result);
  const counts = SEVERITIES.filter((severity) => summary.bySeverity[severity] > 0)
    .map((severity) => `${summary.bySeverity[severity]} ${severity}`)
    .join(', ');
  const title =
    summary.findings === 0
      ? summary.complete
        ? 'no findings'
        : 'no findings in what was evaluated, but the scan is incomplete'
      : `${summary.findings} ${summary.findings === 1 ? 'finding' : 'findings'} (${counts})`;
  const run = runLink(input.ref);
  const lines = [
    SUMMARY_MARKER,
    `## zoneguard: ${title}`,
    `Commit ${input.ref.headSha.slice(0, 7)}${run ? ` · [workflow run](${run})` : ''} · ${input.inlineCount} commented inline`,
    '',
    '| Severity | Findings |',
    '|---|---|',
    ...SEVERITIES.map((severity) => `| ${severityBadge(severity)} | ${summary.bySeverity[severity]} |`),
  ];
  const notes = input.detail === 'redacted' ? [...input.notes, redactedNote(run)] : input.notes;
  if (notes.length > 0) lines.push('', ...notes.map((note) => `> ${inlineText(note, 1_000)}`));
  return lines.join('\n');
}

function findingsSection(input: SummaryInput): Section {
  const rows = bySeverity(input.listed).map((finding) => findingRow(finding, input));
  return {
    open: `### ${input.listTitle ?? 'Findings not commented inline'} (${rows.length})\n\n| Severity | Rule | Article | Location | Message |\n|---|---|---|---|---|`,
    rows,
    more: (left) =>
      `…and ${left} more ${left === 1 ? 'finding' : 'findings'}. Full list in the SARIF artifact / job summary.`,
  };
}

function findingRow(finding: Finding, input: SummaryInput): string {
  const text = input.detail === 'redacted' ? finding.title : finding.message;
  return [
    '',
    severityBadge(finding.severity),
    codeSpan(finding.ruleId),
    tableCell(finding.articles.join(', '), 60),
    locationCell(finding, input),
    tableCell(text, 400),
    '',
  ].join(' | ').trim();
}

function locationCell(finding: Finding, input: SummaryInput): string {
  const path = repositoryPath(finding.location.file, input.paths);
  const line = finding.location.range?.startLine;
  if (path === undefined) return tableCell(`${finding.address} (outside the repository)`, 200);
  const label = tableCell(line !== undefined ? `${path}:${line}` : path, 200);
  const link = blobLink(input.ref, path, line);
  return link ? `[${label}](${link})` : label;
}

function fixedSection(input: SummaryInput): Section | undefined {
  const total = input.fixed.length + input.fixedUnnamed;
  if (total === 0) return undefined;
  const rows = input.fixed.map((fixed) => {
    const where = fixed.line !== undefined ? `${fixed.path}:${fixed.line}` : fixed.path;
    const rule = fixed.ruleId ? `${codeSpan(fixed.ruleId)} at ` : '';
    return `- ${rule}${codeSpan(where)}${fixed.suppressed ? ' (now suppressed)' : ''}`;
  });
  if (input.fixedUnnamed > 0) rows.push(`- ${input.fixedUnnamed} listed in the previous summary only`);
  return { open: `### Fixed since the last run (${total})\n`, rows, more: (left) => `…and ${left} more.` };
}

function notEvaluatedSection(input: SummaryInput): Section | undefined {
  const unknown = bySeverity(
    input.result.findings.filter((finding) => finding.status === 'unknown' && finding.suppression === undefined),
  );
  if (unknown.length === 0) return undefined;
  const rows = unknown.map((finding) => {
    const reason = input.detail === 'redacted' ? finding.title : (finding.unknown?.reason ?? finding.message);
    return `- ${codeSpan(finding.ruleId)} ${locationCell(finding, input)}: ${inlineText(reason, 300)}`;
  });
  return {
    open: `### Could not be evaluated (${rows.length})\n\n<details><summary>Results that depend on values known only after apply</summary>\n`,
    rows,
    close: '\n</details>',
    more: (left) => `…and ${left} more in the full report.`,
  };
}

function notScannedSection(input: SummaryInput): Section | undefined {
  const skipped = filesNotScanned(input.result.diagnostics);
  if (skipped.length === 0) return undefined;
  return {
    open: `### Files not scanned (${skipped.length})\n`,
    rows: skipped.map((diagnostic) => `- ${diagnosticText(diagnostic, input.paths)}`),
    more: (left) => `…and ${left} more in the full report.`,
  };
}

function diagnosticText(diagnostic: Diagnostic, paths: PathBase): string {
  const file = diagnostic.location ? (repositoryPath(diagnostic.location.file, paths) ?? diagnostic.location.file) : undefined;
  const line = diagnostic.location?.range?.startLine;
  const where = file ? `${codeSpan(line !== undefined ? `${file}:${line}` : file)}: ` : '';
  return `${where}${inlineText(diagnostic.message, 300)}`;
}

function suppressedText(result: ScanResult): string {
  const count = result.findings.filter((finding) => finding.suppression !== undefined).length;
  return `**${count} suppressed** (not commented; reasons in the full report).`;
}

/**
 * The zone diagram as a folded Mermaid block, when it is small and fits a fifth
 * of the body. Redacted summaries leave it out, because it shows site
 * addresses and open ports.
 */
function diagramText(input: SummaryInput, limit: BodySize): string {
  if (input.detail === 'redacted' || (input.result.zones ?? []).length === 0) return '';
  const mermaid = renderMermaid(input.result);
  if (mermaid.length >= MAX_DIAGRAM_CHARACTERS) return '';
  const block = `<details><summary>Zone diagram</summary>\n\n\`\`\`mermaid\n${mermaid}\`\`\`\n\n</details>`;
  return new BodyBudget(limit).fits(block) ? block : '';
}

function footerText(input: SummaryInput): string {
  const kept = bySeverity(input.listed)
    .slice(0, KEPT_FINGERPRINTS)
    .map((finding) => finding.fingerprint.slice(0, FINGERPRINT_PREFIX));
  return summaryFingerprintsMarker(kept);
}
