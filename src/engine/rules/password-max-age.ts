import type { PasswordPolicy } from '../../model/evidence.ts';
import type { Known } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, fieldName, knownField, subjectOf } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/**
 * The regulation's intervals (Đ21.2.b): 6 months for users, 3 for system
 * administrators. In days they are the longest 6 and 3 calendar months, so
 * a policy of "180 days" or "90 days" passes however the months fall.
 */
const LIMITS = {
  users: { days: 184, messageId: 'users-too-long', paths: ['max_password_age', 'maxAgeDaysUsers'] },
  administrators: { days: 92, messageId: 'administrators-too-long', paths: ['max_password_age', 'maxAgeDaysAdministrators'] },
} as const;

type Accounts = keyof typeof LIMITS;

/**
 * Every password policy sets a maximum age within the regulation's interval
 * for the accounts it binds. A policy without one lets passwords live for
 * ever, which fails on code and design files alike.
 */
export default defineRule({
  id: 'password-max-age',
  check(context) {
    const policies = context.model.evidence?.passwordPolicies ?? [];
    if (policies.length === 0) reportNotEvidenced(context, 'not-evidenced', 'password policy');
    for (const policy of policies) checkPolicy(context, policy);
  },
});

function checkPolicy(context: RuleContext, policy: PasswordPolicy): void {
  const bound = accountsOf(policy);
  const ages = { users: policy.maxAgeDaysUsers, administrators: policy.maxAgeDaysAdministrators };
  if (bound.every((accounts) => ages[accounts] === undefined)) {
    context.report({
      ...factReport(policy, []),
      status: 'fail',
      messageId: 'no-max-age',
      data: { subject: subjectOf(policy) },
      detail: 'no-max-age',
    });
    return;
  }
  for (const accounts of bound) checkAge(context, policy, accounts, ages[accounts]);
}

function accountsOf(policy: PasswordPolicy): Accounts[] {
  return policy.appliesTo === 'all' ? ['users', 'administrators'] : [policy.appliesTo];
}

function checkAge(context: RuleContext, policy: PasswordPolicy, accounts: Accounts, value: Known<number> | undefined): void {
  const limit = LIMITS[accounts];
  const days = knownField(context, policy, { paths: [...limit.paths], value });
  // An administrator age left unstated falls back to the users' age, which then binds administrators too.
  const effective = days ?? (value === undefined ? policy.maxAgeDaysUsers : undefined);
  if (typeof effective !== 'number' || effective <= limit.days) return;
  context.report({
    ...factReport(policy, [...limit.paths]),
    status: 'fail',
    messageId: limit.messageId,
    data: { field: fieldName(policy, [...limit.paths]), subject: subjectOf(policy), days: effective, limit: limit.days },
    detail: `${accounts}:${effective}`,
  });
}
