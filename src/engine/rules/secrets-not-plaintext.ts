import type { SecretValue, StoredText } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import { isUnknown, Unknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';

/**
 * Passwords come from an encrypted store. A literal password is the
 * `no-default-credentials` rule's finding, so this rule reports the other
 * ways a password stays plaintext: an input variable (fed from a tfvars file
 * or a pipeline setting), an SSM parameter of type `String` with a secret's
 * name, and a value whose source could not be traced.
 */
export default defineRule({
  id: 'secrets-not-plaintext',
  check(context) {
    const evidence = context.model.evidence;
    for (const secret of evidence?.secretValues ?? []) checkSecret(context, secret);
    const names = secretNamePattern(context);
    for (const stored of evidence?.storedTexts ?? []) {
      if (stored.kind === 'parameter') checkParameter(context, stored, names);
    }
  },
});

function checkSecret(context: RuleContext, secret: SecretValue): void {
  const acceptVariables = context.meta.parameters['acceptVariables'] === true;
  const base = {
    address: secret.subject,
    origin: secret.origin,
    location: locate(secret.origin, secret.attribute),
    data: { attribute: secret.attribute, subject: secret.subject, source: secret.written ?? '' },
  };
  if (secret.source === 'variable' && !acceptVariables) {
    const detail = `variable:${secret.attribute}`;
    context.report({ ...base, status: 'fail', messageId: 'from-variable', detail, restsOn: ['acceptVariables'] });
  } else if (secret.source === 'other') {
    const unknown = new Unknown('the source of the value could not be traced to a secret store', secret.written ?? secret.attribute);
    context.report({ ...base, status: 'unknown', messageId: 'untraced', detail: `untraced:${secret.attribute}`, unknown });
  }
}

function checkParameter(context: RuleContext, stored: StoredText, names: RegExp): void {
  if (stored.name === undefined || !names.test(stored.name)) return;
  const data = { subject: stored.id, name: stored.name };
  const base = { address: stored.id, origin: stored.origin, location: locate(stored.origin, 'type') };
  if (isUnknown(stored.encrypted)) {
    const detail = `parameter-type:${stored.name}`;
    context.report({ ...base, status: 'unknown', messageId: 'parameter-type-unknown', data: { ...data, reason: stored.encrypted.reason }, detail, unknown: stored.encrypted, restsOn: ['secretNames'] });
  } else if (stored.encrypted !== true) {
    context.report({ ...base, status: 'fail', messageId: 'plaintext-parameter', data, detail: `plaintext-parameter:${stored.name}`, restsOn: ['secretNames'] });
  }
}

/** Matches parameter names that hold secrets, from the `secretNames` word list. */
function secretNamePattern(context: RuleContext): RegExp {
  const words = (context.meta.parameters['secretNames'] ?? []) as string[];
  const escaped = words.map((word) => String(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return escaped.length === 0 ? /$^/ : new RegExp(escaped.join('|'), 'i');
}
