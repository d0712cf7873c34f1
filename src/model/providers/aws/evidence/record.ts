import { emptyEvidence, type Evidence } from '../../../evidence.ts';
import type { MappingContext } from '../../context.ts';

/**
 * The evidence record of the model under construction, created on first use.
 * Code leaves `declared` unset: a Terraform module shows only some of the
 * organisation's facts, so rules do not read a missing fact as a finding.
 */
export function evidenceOf(context: MappingContext): Evidence {
  context.model.evidence ??= emptyEvidence();
  return context.model.evidence;
}

/** Pushes onto an optional list of the evidence record, creating the list. */
export function pushOptional<K extends OptionalListKey>(
  evidence: Evidence,
  key: K,
  item: NonNullable<Evidence[K]>[number],
): void {
  const list = (evidence[key] ??= []) as Array<typeof item>;
  list.push(item);
}

type OptionalListKey =
  | 'secretValues'
  | 'storedTexts'
  | 'accountCredentials'
  | 'dataCopies'
  | 'softwareVersions'
  | 'imageSources'
  | 'userAccounts';
