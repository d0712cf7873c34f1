import { defineRule } from '../define-rule.ts';
import { factReport, knownField, subjectOf } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

const PATHS = ['concurrentLoginsAllowed'];

/**
 * A user account is not logged in on several computers at once. Only
 * identity-provider or design settings state this; infrastructure code
 * rarely does, so a code scan stays silent unless evidence is required.
 */
export default defineRule({
  id: 'no-concurrent-login',
  check(context) {
    const policies = (context.model.evidence?.sessionPolicies ?? []).filter((policy) => policy.concurrentLoginsAllowed !== undefined);
    if (policies.length === 0) reportNotEvidenced(context, 'not-evidenced', 'concurrent log-on setting');
    for (const policy of policies) {
      if (knownField(context, policy, { paths: PATHS, value: policy.concurrentLoginsAllowed }) !== true) continue;
      context.report({
        ...factReport(policy, PATHS),
        status: 'fail',
        messageId: 'concurrent-allowed',
        data: { subject: subjectOf(policy) },
        detail: 'concurrent-allowed',
      });
    }
  },
});
