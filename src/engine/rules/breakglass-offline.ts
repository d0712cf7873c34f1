import type { AccountCredential } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import { factReport, subjectOf } from './organisation/facts.ts';

/** The message for each kind of credential on a privileged account. */
const MESSAGES: Record<AccountCredential['kind'], string> = {
  'access-key': 'privileged-access-key',
  'console-password': 'privileged-password-managed',
};

/**
 * The root or break-glass password and its backup stay out of automated
 * management systems and out of routine work. An access key on such an
 * account lets automation act with its privilege; a console password that
 * infrastructure code creates lands in the automation's state.
 */
export default defineRule({
  id: 'breakglass-offline',
  check(context) {
    for (const credential of context.model.evidence?.accountCredentials ?? []) {
      if (!credential.privileged) continue;
      context.report({
        ...factReport(credential, ['user', 'account']),
        status: 'fail',
        messageId: MESSAGES[credential.kind],
        data: { subject: subjectOf(credential), account: credential.account },
        detail: `${credential.kind}:${credential.account}`,
      });
    }
  },
});
