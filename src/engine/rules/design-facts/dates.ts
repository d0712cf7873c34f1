import type { EvidenceDate, EvidenceDateKind } from '../../../model/evidence.ts';
import { locate } from '../../../model/location.ts';
import { isUnknown } from '../../../model/unknown.ts';
import { reportNotEvidenced } from '../organisation/required.ts';
import { reportUnknownField } from '../organisation/facts.ts';
import type { RuleContext } from '../../types.ts';

/** The scan day, `YYYY-MM-DD`, that [date] rules measure ages against. */
export function today(context: RuleContext): string {
  return (context.now ?? new Date()).toISOString().slice(0, 10);
}

/** The day `months` calendar months after `date`; the 31st of a short month rolls back to its end. */
export function monthsAfter(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The day `days` days after `date`. */
export function daysAfter(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** One kind of evidence date and the regulation's interval for it. */
export interface DateInterval {
  kind: EvidenceDateKind;
  /** Months allowed between two occurrences; absent when the record only has to exist. */
  months?: number;
  /** The interval for important applications. */
  importantMonths?: number;
}

/**
 * Checks every recorded date of each kind against its interval: an old date
 * is `overdue`, a kind never recorded is `not-recorded` (design scans only).
 */
export function checkIntervals(context: RuleContext, intervals: DateInterval[]): void {
  const dates = context.model.evidence?.dates ?? [];
  for (const interval of intervals) {
    const recorded = dates.filter((entry) => entry.kind === interval.kind);
    if (recorded.length === 0) reportNotEvidenced(context, 'not-recorded', interval.kind);
    for (const entry of recorded) checkInterval(context, entry, interval);
  }
}

function checkInterval(context: RuleContext, entry: EvidenceDate, interval: DateInterval): void {
  if (isUnknown(entry.date)) {
    reportUnknownField(context, entry, { paths: ['date'], value: entry.date });
    return;
  }
  const months = entry.important === true ? (interval.importantMonths ?? interval.months) : interval.months;
  if (months === undefined) return;
  const due = monthsAfter(entry.date, months);
  if (due >= today(context)) return;
  const subject = entry.subject ?? 'organisation';
  context.report({
    status: 'fail',
    messageId: 'overdue',
    data: { kind: entry.kind, subject, date: entry.date, months, due },
    address: entry.origin.address,
    origin: entry.origin,
    location: locate(entry.origin, 'date'),
    detail: `overdue:${entry.kind}:${subject}`,
  });
}
