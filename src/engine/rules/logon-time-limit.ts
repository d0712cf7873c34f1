import { defineRule } from '../define-rule.ts';
import { factReport, fieldName, knownField, subjectOf } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

const LIMIT = 'logonGraceMinutes';
const PATHS = ['logonGraceMinutes', 'user_data', 'content'];

/**
 * An unfinished log-on is abandoned within a few minutes. The article's text
 * is unclear, so the limit is ours (5 minutes); sshd's `LoginGraceTime`
 * (default 120 seconds) is the setting code shows.
 */
export default defineRule({
  id: 'logon-time-limit',
  check(context) {
    const limit = Number(context.meta.parameters[LIMIT] ?? 5);
    const policies = (context.model.evidence?.sessionPolicies ?? []).filter((policy) => policy.logonGraceMinutes !== undefined);
    if (policies.length === 0) reportNotEvidenced(context, 'not-evidenced', 'log-on grace time');
    for (const policy of policies) {
      const minutes = knownField(context, policy, { paths: PATHS, value: policy.logonGraceMinutes });
      if (minutes === undefined || (minutes > 0 && minutes <= limit)) continue;
      context.report({
        ...factReport(policy, PATHS),
        status: 'fail',
        messageId: 'grace-too-long',
        data: { field: fieldName(policy, PATHS), subject: subjectOf(policy), minutes: minutes === 0 ? 'never' : Math.round(minutes * 10) / 10, limit },
        detail: `grace:${minutes}`,
        restsOn: [LIMIT],
      });
    }
  },
});
