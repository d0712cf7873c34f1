import type { Origin } from '../../model/location.ts';
import { locate } from '../../model/location.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { findEmbeddedPasswords } from './organisation/embedded-passwords.ts';

/**
 * No password is embedded in an automatic log-on procedure: user data,
 * cloud-init and SSM documents are read for log-on steps with a literal
 * password. An autoscaling group that inherits its template's user data is
 * left out, so each script is reported once, where it is written.
 */
export default defineRule({
  id: 'no-autologon-passwords',
  check(context) {
    for (const host of context.model.hosts) {
      if (host.userData === undefined || host.kind === 'autoscaling-group') continue;
      const attribute = host.origin.attributes['user_data'] ? 'user_data' : 'user_data_base64';
      checkScript(context, { subject: host.id, origin: host.origin, attribute, text: host.userData });
    }
    for (const stored of context.model.evidence?.storedTexts ?? []) {
      if (stored.kind !== 'script' || stored.text === undefined) continue;
      checkScript(context, { subject: stored.id, origin: stored.origin, attribute: 'content', text: stored.text });
    }
  },
});

interface Script {
  subject: string;
  origin: Origin;
  attribute: string;
  text: string;
}

function checkScript(context: RuleContext, script: Script): void {
  for (const embedded of findEmbeddedPasswords(script.text)) {
    context.report({
      status: 'fail',
      messageId: 'embedded-password',
      data: { attribute: script.attribute, subject: script.subject, step: embedded.step, line: embedded.line },
      address: script.subject,
      origin: script.origin,
      location: locate(script.origin, script.attribute),
      detail: `${script.attribute}:${embedded.step}`,
    });
  }
}
