import type { CharacterClass, PasswordPolicy } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, fieldName, knownField, subjectOf } from './organisation/facts.ts';
import { evidenceRequired, reportNotEvidenced } from './organisation/required.ts';

/** The regulation's numbers (Đ21.2.b): at least 8 characters, 3 of the 4 classes. */
const MIN_LENGTH = 8;
const MIN_CLASSES = 3;

const LENGTH_PATHS = ['minimum_password_length', 'minLength'];
const CLASS_PATHS = ['require_symbols', 'require_numbers', 'requiredClasses', 'minClassCount'];

/** Content rules of the regulation that a policy may state. An IAM password policy cannot state them. */
const CONTENT_RULES: ReadonlyArray<{ key: keyof PasswordPolicy; messageId: string }> = [
  { key: 'forbidsUserName', messageId: 'allows-user-name' },
  { key: 'forbidsDictionaryWords', messageId: 'allows-dictionary-words' },
  { key: 'forbidsRepeatedCharacters', messageId: 'allows-repeated-characters' },
];

/**
 * Each password policy requires at least 8 characters and 3 of the 4
 * character classes, and forbids the user name, dictionary words and runs of
 * one character. A content rule a policy leaves unstated is a finding only
 * where the input is expected to state it (a design file); an IAM password
 * policy cannot express those rules at all.
 */
export default defineRule({
  id: 'password-policy-strength',
  check(context) {
    const policies = context.model.evidence?.passwordPolicies ?? [];
    if (policies.length === 0) reportNotEvidenced(context, 'not-evidenced', 'password policy');
    for (const policy of policies) {
      checkLength(context, policy);
      checkClasses(context, policy);
      checkContent(context, policy);
    }
  },
});

function checkLength(context: RuleContext, policy: PasswordPolicy): void {
  const length = knownField(context, policy, { paths: LENGTH_PATHS, value: policy.minLength });
  if (length === undefined || length >= MIN_LENGTH) return;
  const field = fieldName(policy, LENGTH_PATHS);
  context.report({
    ...factReport(policy, LENGTH_PATHS),
    status: 'fail',
    messageId: 'too-short',
    data: { field, subject: subjectOf(policy), length, minimum: MIN_LENGTH },
    detail: `min-length:${length}`,
  });
}

function checkClasses(context: RuleContext, policy: PasswordPolicy): void {
  const classes = knownField(context, policy, { paths: CLASS_PATHS, value: policy.requiredClasses });
  const stated = knownField(context, policy, { paths: CLASS_PATHS, value: policy.minClassCount });
  if (classes === undefined && stated === undefined) {
    if (policy.requiredClasses === undefined && evidenceRequired(context)) reportClasses(context, policy, 0, []);
    return;
  }
  const count = stated ?? classes?.length ?? 0;
  if (count < MIN_CLASSES) reportClasses(context, policy, count, classes ?? []);
}

function reportClasses(context: RuleContext, policy: PasswordPolicy, count: number, classes: CharacterClass[]): void {
  context.report({
    ...factReport(policy, CLASS_PATHS),
    status: 'fail',
    messageId: 'too-few-classes',
    data: { subject: subjectOf(policy), count, classes: classes.length === 0 ? 'none' : classes.join(', '), minimum: MIN_CLASSES },
    detail: `classes:${count}`,
  });
}

/** A content rule set to false always fails; an unstated one only where evidence is required. */
function checkContent(context: RuleContext, policy: PasswordPolicy): void {
  const required = evidenceRequired(context);
  for (const { key, messageId } of CONTENT_RULES) {
    if (policy[key] === true || (policy[key] === undefined && !required)) continue;
    context.report({
      ...factReport(policy, [key]),
      status: 'fail',
      messageId,
      data: { subject: subjectOf(policy) },
      detail: `content:${key}`,
    });
  }
}
