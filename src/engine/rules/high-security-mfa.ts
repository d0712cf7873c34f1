import type { UserAccount } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, knownField } from './organisation/facts.ts';

/**
 * Accounts that need high security use at least two factors (Đ21.2.đ, a
 * recommendation). Only accounts marked as needing high security take part:
 * in code, an IAM user tagged `Security = high`; its log-on requires MFA when
 * a policy testing `aws:MultiFactorAuthPresent` is attached to it or to one
 * of its groups. An account that does not state whether MFA is required is
 * not reported.
 */
export default defineRule({
  id: 'high-security-mfa',
  check(context) {
    for (const account of context.model.evidence?.userAccounts ?? []) checkAccount(context, account);
  },
});

function checkAccount(context: RuleContext, account: UserAccount): void {
  if (knownField(context, account, { paths: ['tags', 'highSecurity'], value: account.highSecurity }) !== true) return;
  if (knownField(context, account, { paths: ['mfaRequired'], value: account.mfaRequired }) !== false) return;
  context.report({
    ...factReport(account, ['tags', 'highSecurity']),
    status: 'fail',
    messageId: 'single-factor',
    data: { subject: account.origin.address, account: account.name },
    detail: `single-factor:${account.name}`,
  });
}
