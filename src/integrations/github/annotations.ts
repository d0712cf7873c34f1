import type { Finding, Severity } from '../../engine/types.ts';
import type { CommentDetail } from './comment-detail.ts';
import { repositoryPath, type PathBase } from './paths.ts';
import { activeFailures, bySeverity } from './placement.ts';

type AnnotationLevel = 'error' | 'warning' | 'notice';

/**
 * GitHub shows at most 10 annotations of each level per step and 50 per job;
 * the rest are dropped without a word, so zoneguard counts them itself.
 */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;
export const MAX_ANNOTATIONS_PER_JOB = 50;

export interface Annotations {
  /** Workflow command lines, `::error file=…,line=…::message`. */
  lines: string[];
  /** Failing findings with no annotation. */
  left: number;
}

/** Workflow annotations for the most severe findings, within the platform's limits. */
export function annotationsFor(findings: Finding[], paths: PathBase, detail: CommentDetail): Annotations {
  const counts: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  const failures = bySeverity(activeFailures(findings));
  for (const finding of failures) {
    const level = levelOf(finding.severity);
    if (counts[level] >= MAX_ANNOTATIONS_PER_LEVEL || lines.length >= MAX_ANNOTATIONS_PER_JOB) continue;
    counts[level] += 1;
    lines.push(annotation(level, finding, paths, detail));
  }
  return { lines, left: failures.length - lines.length };
}

function levelOf(severity: Severity): AnnotationLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  return severity === 'info' ? 'notice' : 'warning';
}

function annotation(level: AnnotationLevel, finding: Finding, paths: PathBase, detail: CommentDetail): string {
  const file = repositoryPath(finding.location.file, paths);
  const line = finding.location.range?.startLine;
  const properties = [
    ...(file !== undefined ? [`file=${escapeProperty(file)}`] : []),
    ...(file !== undefined && line !== undefined && line >= 1 ? [`line=${line}`] : []),
    `title=${escapeProperty(`${finding.severity} ${finding.ruleId}`)}`,
  ];
  const text = detail === 'redacted' ? finding.title : finding.message;
  return `::${level} ${properties.join(',')}::${escapeData(text)}`;
}

/** Escapes a workflow command's message the way the Actions toolkit does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
