import type { ResourceMapper } from '../../registry.ts';
import { hostSettingMappers } from './host-settings.ts';
import { passwordPolicyMappers } from './password-policy.ts';
import { mapSecretValues, SECRET_VALUE_TYPES, secretMappers } from './secrets.ts';

/**
 * Evidence mappers: organisational facts that AWS code shows (password
 * policy, audit trails, monitoring, remote access, secrets). A resource type
 * that another AWS mapper already maps (a database) gets both, chained by
 * `withEvidence`, because a provider holds one mapper per type.
 */
const evidenceMappers: Array<Record<string, ResourceMapper>> = [
  secretMappers,
  passwordPolicyMappers,
  hostSettingMappers,
  Object.fromEntries(SECRET_VALUE_TYPES.map((type) => [type, mapSecretValues])),
];

/** Adds the evidence mappers to `mappers`, running both where a type has two. */
export function withEvidence(mappers: Record<string, ResourceMapper>): Record<string, ResourceMapper> {
  const result = { ...mappers };
  for (const table of evidenceMappers) {
    for (const [type, mapper] of Object.entries(table)) result[type] = chain(result[type], mapper);
  }
  return result;
}

function chain(first: ResourceMapper | undefined, second: ResourceMapper): ResourceMapper {
  if (first === undefined) return second;
  return (instance, context) => {
    first(instance, context);
    second(instance, context);
  };
}
