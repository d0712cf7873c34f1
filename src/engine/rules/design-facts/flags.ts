import type { Fact } from '../../../model/evidence.ts';
import { locate } from '../../../model/location.ts';
import { isUnknown, type Known } from '../../../model/unknown.ts';
import { evidenceRequired } from '../organisation/required.ts';
import { reportUnknownField } from '../organisation/facts.ts';
import type { RuleContext } from '../../types.ts';

/** One yes/no fact a rule needs, with the design-file field that records it. */
export interface FlagCheck {
  /** The field path below the fact's node: `power.generator`, `dedicatedRoom`. */
  field: string;
  value: Known<boolean> | undefined;
  /** The value the regulation asks for; true unless the fact is a risk (remote access). */
  expected?: boolean;
  /** The value as the input wrote it, for the message; the flag itself by default. */
  written?: string | number;
}

/** Turns a count into a yes/no fact: is it at least `minimum`? */
export function atLeast(value: Known<number> | undefined, minimum: number): Known<boolean> | undefined {
  if (value === undefined || isUnknown(value)) return value;
  return value >= minimum;
}

/**
 * Reports each flag that records the wrong value (`missing`) or, when the
 * input should state it, records nothing (`not-recorded`). A flag that could
 * not be evaluated is reported as unknown. `subject` names the site or system.
 */
export function checkFlags(context: RuleContext, fact: Fact, subject: string, checks: FlagCheck[]): void {
  for (const check of checks) {
    const expected = check.expected ?? true;
    if (isUnknown(check.value)) {
      reportUnknownField(context, fact, { paths: [check.field], value: check.value });
    } else if (check.value === undefined) {
      reportFlag(context, fact, subject, check.field, 'not-recorded', '');
    } else if (check.value !== expected) {
      reportFlag(context, fact, subject, check.field, 'missing', check.written ?? String(check.value));
    }
  }
}

function reportFlag(
  context: RuleContext,
  fact: Fact,
  subject: string,
  field: string,
  messageId: 'missing' | 'not-recorded',
  value: string | number,
): void {
  if (messageId === 'not-recorded' && !evidenceRequired(context)) return;
  context.report({
    status: 'fail',
    messageId,
    data: messageId === 'missing' ? { subject, field, value } : { subject, field },
    address: fact.origin.address,
    origin: fact.origin,
    location: locate(fact.origin, messageId === 'missing' ? field : undefined),
    detail: `${messageId}:${field}`,
  });
}
