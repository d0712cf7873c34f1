import type { Credential } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import { maskSecret } from '../mask.ts';
import type { RuleReport } from '../types.ts';

/** Why a literal password is reported; the first that applies wins. */
interface Verdict {
  messageId: 'weak-password' | 'same-as-user' | 'too-short' | 'written-in-code';
  restsOn: string[];
  /** A literal password that is not weak is still reported, at a lower severity. */
  severity?: 'medium';
}

/**
 * Literal passwords in code: vendor defaults and weak values at the rule's
 * severity, any other literal password as "written in code" (medium). The
 * raw value never leaves this rule; messages carry `maskSecret` of it.
 */
export default defineRule({
  id: 'no-default-credentials',
  check(context) {
    const weakPasswords = (context.meta.parameters['weakPasswords'] ?? []) as string[];
    const minLength = Number(context.meta.parameters['minLength'] ?? 8);
    for (const credential of context.model.credentials) {
      const verdict = judge(credential, weakPasswords, minLength);
      context.report(reportOf(credential, verdict, minLength));
    }
  },
});

function judge(credential: Credential, weakPasswords: string[], minLength: number): Verdict {
  const folded = credential.value.toLowerCase();
  if (weakPasswords.some((weak) => String(weak).toLowerCase() === folded)) {
    return { messageId: 'weak-password', restsOn: ['weakPasswords'] };
  }
  if (credential.userName !== undefined && credential.userName.toLowerCase() === folded) {
    return { messageId: 'same-as-user', restsOn: [] };
  }
  if ([...credential.value].length < minLength) {
    return { messageId: 'too-short', restsOn: ['minLength'] };
  }
  return { messageId: 'written-in-code', restsOn: [], severity: 'medium' };
}

function reportOf(credential: Credential, verdict: Verdict, minLength: number): RuleReport {
  const report: RuleReport = {
    status: 'fail',
    messageId: verdict.messageId,
    data: {
      attribute: credential.attribute,
      subject: credential.subjectId,
      masked: maskSecret(credential.value),
      minLength,
    },
    address: credential.subjectId,
    origin: credential.origin,
    location: credential.location,
    detail: `literal-password:${credential.attribute}`,
    restsOn: verdict.restsOn,
  };
  if (verdict.severity) report.severity = verdict.severity;
  return report;
}
