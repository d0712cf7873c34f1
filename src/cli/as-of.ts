import { UsageError } from './errors.ts';

/**
 * Parses `--as-of YYYY-MM-DD` into the start of that day in UTC, the clock
 * that [date] rules and suppression expiry dates are compared with. A day
 * that does not exist in the calendar (`2026-02-30`) is a usage error.
 */
export function parseAsOf(value: string): Date {
  const text = value.trim();
  const day = new Date(`${text}T00:00:00Z`);
  // The round trip rejects other formats and days that Date would roll over.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
    throw new UsageError(
      `Invalid --as-of date "${value}".`,
      'Write a calendar day as YYYY-MM-DD, for example --as-of 2026-12-04.',
    );
  }
  return day;
}
