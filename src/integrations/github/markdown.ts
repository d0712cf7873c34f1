import type { Severity } from '../../engine/types.ts';
import { clip } from './body-limits.ts';

const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦',
  info: '⬜',
};

export function severityBadge(severity: Severity): string {
  return `${SEVERITY_ICON[severity]} ${severity}`;
}

/** Text safe inside a table cell: one line, pipes escaped, HTML tags inert, bounded length. */
export function tableCell(text: string, max = 300): string {
  return clip(text.replace(/\r?\n/g, ' '), max)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text safe in a list item or paragraph: HTML tags and comment markers inert. */
export function inlineText(text: string, max = 1_000): string {
  return clip(text, max).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A code span that survives backticks in the value. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text.replace(/\r?\n/g, ' ')}${padding}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fencedBlock(info: string, text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`{3,}/g), (match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}
