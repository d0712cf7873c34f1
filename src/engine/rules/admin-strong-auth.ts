import type { RemoteAccess } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, subjectOf } from './organisation/facts.ts';

/** sshd lines that turn on password log-on; a later `no` on its own line is not tracked. */
const PASSWORD_SSH = /^\s*(?:echo\s+["']?)?PasswordAuthentication\s+yes\b/im;

/** Factors stronger than a password alone: keys, certificates or a second factor. */
const STRONG_FACTORS = new Set(['ssh-key', 'certificate', 'otp-token', 'smart-card', 'usb-key', 'grid-card', 'push', 'biometric']);

/**
 * Administrator access uses strong authentication: no host script turns on
 * SSH password log-on, and no remote-access channel of a design accepts a
 * password alone.
 */
export default defineRule({
  id: 'admin-strong-auth',
  check(context) {
    for (const host of context.model.hosts) {
      if (host.userData === undefined || host.kind === 'autoscaling-group' || !PASSWORD_SSH.test(host.userData)) continue;
      const attribute = host.origin.attributes['user_data'] ? 'user_data' : 'user_data_base64';
      context.report({
        status: 'fail',
        messageId: 'ssh-password-login',
        data: { attribute, subject: host.id },
        address: host.id,
        origin: host.origin,
        location: locate(host.origin, attribute),
        detail: 'ssh-password-authentication',
      });
    }
    for (const channel of context.model.evidence?.remoteAccess ?? []) checkChannel(context, channel);
  },
});

function checkChannel(context: RuleContext, channel: RemoteAccess): void {
  const factors = channel.factors;
  if (factors === undefined || isUnknown(factors)) return;
  if (factors.some((factor) => STRONG_FACTORS.has(factor))) return;
  context.report({
    ...factReport(channel, ['factors']),
    status: 'fail',
    messageId: 'password-only-channel',
    data: { subject: subjectOf(channel), channel: channel.id },
    detail: `password-only:${channel.id}`,
  });
}
