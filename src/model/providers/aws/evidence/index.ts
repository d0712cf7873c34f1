import type { ResourceMapper } from '../../registry.ts';
import { accountMappers } from './accounts.ts';
import { antimalwareMappers } from './antimalware.ts';
import { auditMappers } from './audit.ts';
import { databaseBackupMappers } from './database-backups.ts';
import { databaseEvidenceMappers } from './databases.ts';
import { environmentMappers } from './environments.ts';
import { hostSettingMappers } from './host-settings.ts';
import { imageMappers } from './images.ts';
import { mfaMappers } from './mfa.ts';
import { monitoringMappers } from './monitoring.ts';
import { passwordPolicyMappers } from './password-policy.ts';
import { remoteAccessMappers } from './remote-access.ts';
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
  remoteAccessMappers,
  auditMappers,
  accountMappers,
  environmentMappers,
  databaseEvidenceMappers,
  databaseBackupMappers,
  imageMappers,
  monitoringMappers,
  antimalwareMappers,
  mfaMappers,
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
