import type { Fact } from '../../../model/evidence.ts';
import { locate, type SourceLocation } from '../../../model/location.ts';
import type { Known, Unknown } from '../../../model/unknown.ts';
import { isUnknown } from '../../../model/unknown.ts';
import type { RuleContext, RuleReport } from '../../types.ts';

/**
 * Where a fact's field was written. Code and design files name the same field
 * differently (`max_password_age`, `maxAgeDays`), so callers list both.
 */
export function fieldLocation(fact: Fact, ...paths: string[]): SourceLocation {
  const found = paths.find((path) => fact.origin.attributes[path] !== undefined);
  return locate(fact.origin, found);
}

/** The subject of a fact's findings: its resource address or design-file path. */
export function subjectOf(fact: Fact): string {
  return fact.origin.address;
}

/** The base of a report about a fact, pointing at the first of `paths` that was written. */
export function factReport(fact: Fact, paths: string[]): Pick<RuleReport, 'address' | 'origin' | 'location'> {
  return { address: subjectOf(fact), origin: fact.origin, location: fieldLocation(fact, ...paths) };
}

/** Reports an Unknown field as "could not evaluate" with its reason. */
export function reportUnknownField(
  context: RuleContext,
  fact: Fact,
  field: { paths: string[]; value: Unknown },
): void {
  context.report({
    ...factReport(fact, field.paths),
    status: 'unknown',
    messageId: 'field-unknown',
    data: { subject: subjectOf(fact), field: fieldName(fact, field.paths), reason: field.value.reason },
    detail: `unknown:${fieldName(fact, field.paths)}`,
    unknown: field.value,
  });
}

/** Returns a known field value. An unknown value is reported and, like an absent one, returns undefined. */
export function knownField<T>(
  context: RuleContext,
  fact: Fact,
  field: { paths: string[]; value: Known<T> | undefined },
): T | undefined {
  if (field.value === undefined) return undefined;
  if (isUnknown(field.value)) {
    reportUnknownField(context, fact, { ...field, value: field.value });
    return undefined;
  }
  return field.value;
}

/** The name a fact's field was written under, for messages; the first path when none was. */
export function fieldName(fact: Fact, paths: string[]): string {
  return paths.find((path) => fact.origin.attributes[path] !== undefined) ?? paths[0] ?? '';
}
