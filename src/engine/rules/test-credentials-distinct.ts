import type { EnvironmentTag, SecretValue } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { environmentsById, isProduction } from './organisation/environments.ts';

/** A password attribute and the environment of the resource it belongs to. */
interface TaggedSecret {
  secret: SecretValue;
  environment: EnvironmentTag;
}

/**
 * Test systems use accounts and passwords different from production
 * (Đ11.2.d, Đ29.1.e). In code a password is shared when a production and a
 * test or development resource read it from the same place: the same
 * variable or secret-store data source in the same module. A variable of
 * another module instance is another value, and a value that depends on the
 * instance key (`var.passwords[each.key]`) differs per instance, so neither
 * counts. Literal passwords are never kept, so they cannot be compared;
 * `no-default-credentials` reports them. Resources without an environment
 * tag take no part.
 */
export default defineRule({
  id: 'test-credentials-distinct',
  check(context) {
    const environments = environmentsById(context.model);
    if (environments.size === 0) return;
    for (const group of groupBySource(context.model.evidence?.secretValues ?? [], environments).values()) {
      const production = group.find((entry) => isProduction(entry.environment.environment));
      if (production === undefined) continue;
      for (const entry of group) {
        if (!isProduction(entry.environment.environment)) reportShared(context, entry, production);
      }
    }
  },
});

/** A value read from a variable or data source, as written; anything else cannot be compared. */
const REFERENCE = /^(?:var|data|ephemeral)\.[\w.[\]"-]+$/;

/** The module a resource address sits in: `module.app["test"].` or empty for the root. */
function modulePath(address: string): string {
  return /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)/.exec(address)?.[1] ?? '';
}

function groupBySource(secrets: SecretValue[], environments: Map<string, EnvironmentTag>): Map<string, TaggedSecret[]> {
  const groups = new Map<string, TaggedSecret[]>();
  for (const secret of secrets) {
    const environment = environments.get(secret.subject);
    const written = secret.written;
    if (environment === undefined || written === undefined || secret.source === 'literal') continue;
    if (!REFERENCE.test(written) || /\b(each|count)\./.test(written)) continue;
    const key = modulePath(secret.subject) + written;
    groups.set(key, [...(groups.get(key) ?? []), { secret, environment }]);
  }
  return groups;
}

function reportShared(context: RuleContext, entry: TaggedSecret, production: TaggedSecret): void {
  const { secret } = entry;
  context.report({
    status: 'fail',
    messageId: 'shared-password',
    data: {
      subject: secret.subject,
      environment: entry.environment.environment,
      attribute: secret.attribute,
      source: secret.written ?? '',
      production: production.secret.subject,
    },
    address: secret.subject,
    origin: secret.origin,
    location: locate(secret.origin, secret.attribute),
    related: [{ location: locate(production.secret.origin, production.secret.attribute), message: `Production ${production.secret.subject} reads the same password.` }],
    detail: `shared:${secret.attribute}:${production.secret.subject}`,
  });
}
