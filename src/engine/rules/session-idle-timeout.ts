import type { SessionPolicy } from '../../model/evidence.ts';
import type { Known } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, fieldName, knownField, subjectOf } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/**
 * The regulation's limits in minutes: idle operating-system sessions close
 * after 15 (Đ16.2.đ); accounts log out within 30 for users and 15 for
 * administrators (Đ21.2.d).
 */
const LIMITS: ReadonlyArray<{ key: keyof SessionPolicy; messageId: string; minutes: number; paths: string[] }> = [
  { key: 'idleTimeoutOsMinutes', messageId: 'os-too-long', minutes: 15, paths: ['os', 'idleTimeoutOsMinutes', 'user_data', 'content'] },
  { key: 'idleTimeoutUserMinutes', messageId: 'users-too-long', minutes: 30, paths: ['users', 'idleTimeoutUserMinutes'] },
  { key: 'idleTimeoutAdministratorMinutes', messageId: 'administrators-too-long', minutes: 15, paths: ['administrators', 'idleTimeoutAdministratorMinutes', 'user_data', 'content'] },
];

/**
 * Every session policy closes idle sessions within the regulation's limits.
 * Policies come from design files and from scripts that set sshd's
 * `ClientAliveInterval` or the shell's `TMOUT` on a host.
 */
export default defineRule({
  id: 'session-idle-timeout',
  check(context) {
    const policies = context.model.evidence?.sessionPolicies ?? [];
    if (policies.length === 0) reportNotEvidenced(context, 'not-evidenced', 'session policy');
    for (const policy of policies) checkPolicy(context, policy);
  },
});

function checkPolicy(context: RuleContext, policy: SessionPolicy): void {
  const stated = LIMITS.filter(({ key }) => policy[key] !== undefined);
  // A script that sets only the log-on grace time says nothing about idle sessions.
  if (stated.length === 0) {
    if (policy.logonGraceMinutes === undefined) reportNoTimeout(context, policy);
    return;
  }
  for (const limit of stated) {
    const minutes = knownField(context, policy, { paths: limit.paths, value: policy[limit.key] as Known<number> });
    if (minutes === undefined || (minutes > 0 && minutes <= limit.minutes)) continue;
    context.report({
      ...factReport(policy, limit.paths),
      status: 'fail',
      messageId: limit.messageId,
      data: { field: fieldName(policy, limit.paths), subject: subjectOf(policy), minutes: minutes === 0 ? 'never' : round(minutes), limit: limit.minutes },
      detail: `${limit.key}:${minutes}`,
    });
  }
}

function reportNoTimeout(context: RuleContext, policy: SessionPolicy): void {
  context.report({
    ...factReport(policy, []),
    status: 'fail',
    messageId: 'no-timeout',
    data: { subject: subjectOf(policy) },
    detail: 'no-timeout',
  });
}

function round(minutes: number): number {
  return Math.round(minutes * 10) / 10;
}
