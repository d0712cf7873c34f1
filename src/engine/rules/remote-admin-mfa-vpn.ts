import type { RemoteAccess } from '../../model/evidence.ts';
import { POSSESSION_FACTORS } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, knownField, subjectOf } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/**
 * Remote administration from outside goes through an encrypted channel (a VPN
 * or managed bastion) with at least two factors, one of them a possession
 * factor, and only for assigned administrators. Management ports open to the
 * Internet are reported by management-ports-from-management-zone.
 */
export default defineRule({
  id: 'remote-admin-mfa-vpn',
  check(context) {
    const channels = context.model.evidence?.remoteAccess ?? [];
    if (channels.length === 0) reportNotEvidenced(context, 'not-evidenced', 'remote-access channel');
    for (const channel of channels) checkChannel(context, channel);
  },
});

function checkChannel(context: RuleContext, channel: RemoteAccess): void {
  const encrypted = knownField(context, channel, { paths: ['encrypted', 'encryption'], value: channel.encrypted });
  if (encrypted === false) fail(context, channel, 'not-encrypted', ['encrypted', 'encryption'], {});
  const factors = knownField(context, channel, { paths: ['factors', 'authentication_options[0]'], value: channel.factors });
  if (factors !== undefined) {
    const possession = factors.some((factor) => POSSESSION_FACTORS.includes(factor));
    if (factors.length < 2 || !possession) {
      fail(context, channel, 'single-factor', ['factors', 'authentication_options[0]'], { factors: factors.join(', ') || 'none' });
    }
  }
  const adminsOnly = knownField(context, channel, { paths: ['administratorsOnly', 'allowedUsers'], value: channel.administratorsOnly });
  if (adminsOnly === false) fail(context, channel, 'open-to-everyone', ['administratorsOnly', 'allowedUsers'], {});
}

function fail(context: RuleContext, channel: RemoteAccess, messageId: string, paths: string[], data: Record<string, string>): void {
  context.report({
    ...factReport(channel, paths),
    status: 'fail',
    messageId,
    data: { subject: subjectOf(channel), channel: channel.id, ...data },
    detail: `${messageId}:${channel.id}`,
  });
}
