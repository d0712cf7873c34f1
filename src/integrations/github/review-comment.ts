import type { Finding } from '../../engine/types.ts';
import { clip } from './body-limits.ts';
import { redactedNote, type CommentDetail } from './comment-detail.ts';
import { codeSpan, fencedBlock, inlineText, severityBadge } from './markdown.ts';
import { findingMarker } from './markers.ts';
import type { InlineComment } from './placement.ts';

/** Evidence steps shown in one comment; a longer chain is in the full report. */
const MAX_EVIDENCE_STEPS = 20;
const MAX_MESSAGE = 4_000;

export interface ReviewCommentOptions {
  detail: CommentDetail;
  /** The text of a line of the head commit, for a suggestion that keeps its indentation. */
  sourceLine?: (file: string, line: number) => string | undefined;
  artifactsLink?: string;
}

/** Renders the body of one review comment; small enough for any of GitHub's limits. */
export function reviewCommentBody(comment: InlineComment, options: ReviewCommentOptions): string {
  const finding = comment.finding;
  const parts = [heading(finding)];
  if (options.detail === 'redacted') {
    parts.push(redactedNote(options.artifactsLink));
  } else {
    parts.push(inlineText(finding.message, MAX_MESSAGE));
    if (comment.otherEnd) parts.push(otherEndText(comment.otherEnd));
    if (finding.evidence.length > 0) parts.push(evidenceBlock(finding));
    const suggestion = suggestionBlock(comment, options);
    if (suggestion) parts.push(suggestion);
    parts.push(`**Remediation:** ${inlineText(finding.remediation, MAX_MESSAGE)}`);
  }
  parts.push(findingMarker(finding.fingerprint, finding.ruleId));
  return parts.join('\n\n');
}

function heading(finding: Finding): string {
  const articles = finding.articles.length > 0 ? ` · ${finding.articles.join(', ')}` : '';
  return `**${severityBadge(finding.severity)}** · ${codeSpan(finding.ruleId)}${articles}\n**${inlineText(finding.title, 300)}**`;
}

function otherEndText(end: NonNullable<InlineComment['otherEnd']>): string {
  const where = end.line !== undefined ? `${end.path}:${end.line}` : end.path;
  return `The other end of this flow is ${codeSpan(where)}: ${inlineText(end.message, 500)}`;
}

/** The reachability chain, folded so the comment stays short. The block is always closed. */
function evidenceBlock(finding: Finding): string {
  const steps = finding.evidence.slice(0, MAX_EVIDENCE_STEPS).map((step, index) => {
    const line = step.location.range?.startLine;
    return `${index + 1}. ${inlineText(step.text, 300)}${line !== undefined ? ` (line ${line})` : ''}`;
  });
  const more = finding.evidence.length - steps.length;
  if (more > 0) steps.push(`…and ${more} more steps in the full report.`);
  return `<details><summary>Why reachable</summary>\n\n${steps.join('\n')}\n\n</details>`;
}

/**
 * A GitHub suggestion replaces whole lines, so the fix is spliced into the
 * head commit's line at the fix's columns. Without that line, or when the fix
 * is on another line than the comment, the replacement is shown as plain code.
 */
function suggestionBlock(comment: InlineComment, options: ReviewCommentOptions): string | undefined {
  const fix = comment.finding.fix;
  if (!fix) return undefined;
  const range = fix.location.range;
  const original = range ? options.sourceLine?.(fix.location.file, range.startLine) : undefined;
  const sameLine = range?.startLine === comment.line && range.endLine === range.startLine;
  if (original === undefined || !sameLine) {
    return `Suggested change:\n\n${fencedBlock('hcl', clip(fix.replacement, 1_000))}`;
  }
  const start = Math.max(range.startColumn - 1, 0);
  const end = Math.max(range.endColumn - 1, start);
  const replaced = `${original.slice(0, start)}${fix.replacement}${original.slice(end)}`;
  return fencedBlock('suggestion', clip(replaced, 1_000));
}
