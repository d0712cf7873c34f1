import type { UserAccount } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, knownField, subjectOf } from './organisation/facts.ts';

const PATTERNS = 'sharedAccountNames';

/**
 * Every user has a personal account; a shared account needs a recorded
 * leadership approval. A design file states whether an account is shared.
 * Code does not, so an account whose name is a group rather than a person
 * (`shared`, `team`, `ops`) counts as shared, by a list of our choosing.
 */
export default defineRule({
  id: 'unique-accounts',
  check(context) {
    const patterns = namePatterns(context);
    for (const account of context.model.evidence?.userAccounts ?? []) checkAccount(context, account, patterns);
  },
});

function namePatterns(context: RuleContext): RegExp[] {
  const written = context.meta.parameters[PATTERNS];
  const list = Array.isArray(written) ? written.filter((item): item is string => typeof item === 'string') : [];
  return list.map((word) => new RegExp(`(^|[-_.])${word.replace(/[^\w-]/g, '')}($|[-_.\\d])`, 'i'));
}

function checkAccount(context: RuleContext, account: UserAccount, patterns: RegExp[]): void {
  if (account.sharingApproval !== undefined) return;
  const stated = knownField(context, account, { paths: ['shared'], value: account.shared });
  if (stated === false) return;
  const byName = stated === undefined && account.shared === undefined && patterns.some((pattern) => pattern.test(account.name));
  if (stated !== true && !byName) return;
  context.report({
    ...factReport(account, ['shared', 'name']),
    status: 'fail',
    messageId: byName ? 'shared-name' : 'shared-without-approval',
    data: { subject: subjectOf(account), account: account.name },
    detail: `shared:${account.name}`,
    ...(byName ? { restsOn: [PATTERNS] } : {}),
  });
}
