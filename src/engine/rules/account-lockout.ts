import type { LockoutPolicy } from '../../model/evidence.ts';
import type { Known } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, fieldName, knownField, subjectOf } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/** Đ16.2.a and Đ16.2.b: administrators are locked out after 3 failed attempts. */
const ADMINISTRATOR_ATTEMPTS = 3;
/** Đ16.2.b allows users 5 attempts, the most the `usersMaxAttempts` parameter may grant. */
const USER_ATTEMPTS_CEILING = 5;

const ADMIN_PATHS = ['administrators', 'thresholdAdministrators', 'user_data', 'content'];
const USER_PATHS = ['users', 'thresholdUsers', 'user_data', 'content'];

/**
 * Accounts lock after 3 failed attempts. Đ16.2.a says 3 for operating-system
 * access and Đ16.2.b says 5 for users, so users default to the stricter 3 and
 * may be configured up to 5; administrators stay at 3.
 */
export default defineRule({
  id: 'account-lockout',
  check(context) {
    const policies = context.model.evidence?.lockoutPolicies ?? [];
    if (policies.length === 0) reportNotEvidenced(context, 'not-evidenced', 'lockout policy');
    const userLimit = Math.min(Number(context.meta.parameters['usersMaxAttempts'] ?? 3), USER_ATTEMPTS_CEILING);
    for (const policy of policies) {
      if (policy.thresholdAdministrators === undefined && policy.thresholdUsers === undefined) {
        report(context, policy, { messageId: 'no-threshold', paths: [], data: {}, detail: 'no-threshold' });
        continue;
      }
      checkThreshold(context, policy, { messageId: 'administrators-too-many', paths: ADMIN_PATHS, limit: ADMINISTRATOR_ATTEMPTS, value: policy.thresholdAdministrators, restsOn: [] });
      checkThreshold(context, policy, { messageId: 'users-too-many', paths: USER_PATHS, limit: userLimit, value: policy.thresholdUsers, restsOn: ['usersMaxAttempts'] });
    }
  },
});

interface Threshold {
  messageId: string;
  paths: string[];
  limit: number;
  value: Known<number> | undefined;
  restsOn: string[];
}

/** A threshold of 0 never locks the account. */
function checkThreshold(context: RuleContext, policy: LockoutPolicy, threshold: Threshold): void {
  const attempts = knownField(context, policy, { paths: threshold.paths, value: threshold.value });
  if (attempts === undefined || (attempts > 0 && attempts <= threshold.limit)) return;
  const data = { field: fieldName(policy, threshold.paths), attempts: attempts === 0 ? 'unlimited' : attempts, limit: threshold.limit };
  report(context, policy, { messageId: threshold.messageId, paths: threshold.paths, data, detail: `${threshold.messageId}:${attempts}`, restsOn: threshold.restsOn });
}

function report(
  context: RuleContext,
  policy: LockoutPolicy,
  finding: { messageId: string; paths: string[]; data: Record<string, string | number>; detail: string; restsOn?: string[] },
): void {
  context.report({
    ...factReport(policy, finding.paths),
    status: 'fail',
    messageId: finding.messageId,
    data: { subject: subjectOf(policy), ...finding.data },
    detail: finding.detail,
    restsOn: finding.restsOn ?? [],
  });
}
