import type { InstanceSelector, SuppressionText } from './types.ts';

/** The result of reading a comment: nothing for zoneguard, a suppression, or a mistake. */
export type ParsedSuppression =
  | { kind: 'none' }
  | { kind: 'suppression'; text: SuppressionText }
  | { kind: 'invalid'; problem: string; hint: string };

const MARKER = /^zoneguard\s*:/i;
const IGNORE = /^zoneguard:ignore(?:\[([^\]]*)\])?(?=\s|$)(.*)$/is;
const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/i;
const SYNTAX_HINT =
  'Write it as `zoneguard:ignore rule-id -- reason`, optionally with `[key=name]` or `[index=0]` after `ignore` and `, until YYYY-MM-DD` after the reason.';

/**
 * Reads the text of one comment. Only text that starts with `zoneguard:` is
 * read. Anything there that is not a well-formed suppression is reported, so
 * that no suppression is ignored silently.
 */
export function parseSuppressionComment(comment: string): ParsedSuppression {
  const text = comment.trim();
  if (!MARKER.test(text)) return { kind: 'none' };
  const match = IGNORE.exec(text.replace(/^zoneguard\s*:\s*/i, 'zoneguard:'));
  if (!match) return invalid(`The directive "${text}" is not recognised.`);
  const selector = match[1] === undefined ? undefined : parseSelector(match[1]);
  if (selector === 'invalid') {
    return invalid(`The instance selector "[${match[1]}]" is not recognised.`);
  }
  const parsed = parseSuppressionBody(match[2] ?? '');
  if (parsed.kind !== 'suppression' || selector === undefined) return parsed;
  return { kind: 'suppression', text: { ...parsed.text, selector } };
}

/**
 * Reads `rule-a, rule-b -- reason, until 2027-06-30`: the part after the
 * marker of a comment, and the whole value of a `zoneguard:ignore` tag.
 */
export function parseSuppressionBody(body: string): ParsedSuppression {
  const separator = body.indexOf('--');
  const idsText = separator < 0 ? body : body.slice(0, separator);
  const ruleIds = idsText.split(/[\s,]+/).filter((id) => id !== '');
  if (ruleIds.length === 0) return invalid('The suppression names no rule id.');
  const wrongId = ruleIds.find((id) => !RULE_ID.test(id));
  if (wrongId !== undefined) return invalid(`"${wrongId}" is not a rule id.`);
  const lowered = ruleIds.map((id) => id.toLowerCase());
  const details = separator < 0 ? '' : body.slice(separator + 2).trim();
  return withDetails(lowered, details);
}

/** Splits the text after `--` into the reason, the approver and the expiry date. */
function withDetails(ruleIds: string[], details: string): ParsedSuppression {
  const until = /(?:^|[,;]\s*|\s)until\s+(\S+)\s*$/i.exec(details);
  const reason = (until ? details.slice(0, until.index) : details).replace(/[,;\s]+$/, '');
  if (reason === '') {
    return {
      kind: 'invalid',
      problem: `The suppression of ${ruleIds.join(', ')} gives no reason, so it does not apply.`,
      hint: 'Add the reason after `--`: `zoneguard:ignore rule-id -- why this is accepted`.',
    };
  }
  const expires = until?.[1];
  if (expires !== undefined && !isCalendarDate(expires)) {
    return invalid(`The expiry date "${expires}" is not a date of the form YYYY-MM-DD.`);
  }
  const approver = /approved by ([^,;]+)/i.exec(reason)?.[1]?.trim();
  return {
    kind: 'suppression',
    text: {
      ruleIds,
      reason,
      ...(approver ? { approver } : {}),
      ...(expires ? { expires } : {}),
    },
  };
}

/** `key=beta`, `key="beta"` or `index=0`; anything else is `invalid`. */
function parseSelector(text: string): InstanceSelector | 'invalid' {
  const match = /^\s*(key|index)\s*=\s*(?:"([^"]*)"|([^\s"]+))\s*$/i.exec(text);
  if (!match) return 'invalid';
  const value = match[2] ?? match[3] ?? '';
  if (match[1]!.toLowerCase() === 'key') return { key: value };
  return /^\d+$/.test(value) ? { index: Number(value) } : 'invalid';
}

/** True for a real `YYYY-MM-DD` day. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function invalid(problem: string): ParsedSuppression {
  return { kind: 'invalid', problem, hint: SYNTAX_HINT };
}
