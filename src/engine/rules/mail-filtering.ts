import type { MailSystem } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { checkFlags } from './design-facts/flags.ts';
import { reportUnknownField } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/** Sender authentication the regulation accepts: strong passwords or digital signatures. */
const SENDER_METHODS = ['strong-password', 'digital-signature', 'dkim'];

/**
 * The mail system filters spam and inappropriate content and authenticates
 * senders (Đ23.2.c, Đ23.2.d). zoneguard also asks it to block or scan the
 * attachment types staff must scan before opening (Đ23.1.c), a default.
 */
export default defineRule({
  id: 'mail-filtering',
  check(context) {
    const systems = context.model.evidence?.mailSystems ?? [];
    if (systems.length === 0) reportNotEvidenced(context, 'no-mail', 'mail');
    for (const mail of systems) {
      checkFlags(context, mail, mail.id, [
        { field: 'spamFiltering', value: mail.spamFiltering },
        { field: 'contentFiltering', value: mail.contentFiltering },
      ]);
      checkSenders(context, mail);
      checkAttachments(context, mail);
    }
  },
});

function checkSenders(context: RuleContext, mail: MailSystem): void {
  const methods = mail.senderAuthentication;
  if (isUnknown(methods)) return reportUnknownField(context, mail, { paths: ['senderAuthentication'], value: methods });
  if (methods?.some((method) => SENDER_METHODS.includes(method.toLowerCase()))) return;
  report(context, mail, 'no-sender-authentication', { mail: mail.id, methods: methods?.join(', ') || 'none' }, 'senderAuthentication');
}

function checkAttachments(context: RuleContext, mail: MailSystem): void {
  const blocked = mail.blockedAttachmentTypes;
  if (isUnknown(blocked)) return reportUnknownField(context, mail, { paths: ['blockedAttachments'], value: blocked });
  const required = (context.meta.parameters['blockedAttachments'] as string[] | undefined) ?? [];
  const open = required.filter((type) => !(blocked ?? []).includes(type.toLowerCase()));
  if (open.length === 0) return;
  report(context, mail, 'attachments-open', { mail: mail.id, types: open.join(' ') }, 'blockedAttachments', ['blockedAttachments']);
}

function report(
  context: RuleContext,
  mail: MailSystem,
  messageId: string,
  data: Record<string, string>,
  field: string,
  restsOn?: string[],
): void {
  context.report({
    status: 'fail',
    messageId,
    data,
    address: mail.origin.address,
    origin: mail.origin,
    location: locate(mail.origin, field),
    detail: messageId,
    ...(restsOn ? { restsOn } : {}),
  });
}
