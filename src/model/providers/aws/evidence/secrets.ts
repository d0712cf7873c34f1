import type { EvaluatedBody, ResourceInstance, Value } from '../../../../loaders/terraform/types.ts';
import type { SecretSourceKind, SecretValue } from '../../../evidence.ts';
import { isUnknown } from '../../../unknown.ts';
import { knownStr, origin, str } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf, pushOptional } from './record.ts';

/** Attributes that hold a password or an authentication token of a service account. */
const PASSWORD_ATTRIBUTES = new Set([
  'password',
  'master_password',
  'admin_password',
  'auth_token',
  'master_user_password',
]);

/** Data sources that read a secret from an encrypted store. */
const SECRET_STORE_SOURCES = [
  'data.aws_secretsmanager_secret_version.',
  'data.aws_ssm_parameter.',
  'data.aws_kms_secrets.',
  'data.vault_',
  'data.azurerm_key_vault_secret.',
  'data.google_secret_manager_secret_version.',
  'ephemeral.',
];

/** Resources whose value is generated and never written by a person. */
const GENERATED_SOURCES = ['random_password.', 'aws_secretsmanager_secret_version.'];

/** Records every password attribute of a resource with the source of its value. */
export function mapSecretValues(instance: ResourceInstance, context: MappingContext): void {
  const found: Array<Omit<SecretValue, 'origin' | 'subject'>> = [];
  collect(instance.body, '', found);
  if (found.length === 0) return;
  const evidence = evidenceOf(context);
  const secretOrigin = origin(instance);
  for (const value of found) {
    pushOptional(evidence, 'secretValues', { ...value, subject: instance.address, origin: secretOrigin });
  }
}

function collect(body: EvaluatedBody, prefix: string, into: Array<Omit<SecretValue, 'origin' | 'subject'>>): void {
  for (const [name, attribute] of Object.entries(body.attributes)) {
    if (!PASSWORD_ATTRIBUTES.has(name) || attribute.value === null) continue;
    into.push({ attribute: prefix + name, ...sourceOf(attribute.value) });
  }
  const counts = new Map<string, number>();
  for (const block of body.blocks) {
    const index = counts.get(block.type) ?? 0;
    counts.set(block.type, index + 1);
    collect(block.body, `${prefix}${block.type}[${index}].`, into);
  }
}

/** Classifies a value by what it was read from; a literal's text is never kept. */
export function sourceOf(value: Value): { source: SecretSourceKind; written?: string } {
  if (typeof value === 'string') return { source: 'literal' };
  if (!isUnknown(value)) return { source: 'other' };
  const written = value.origin;
  const from = value.ref?.address ?? written;
  if (SECRET_STORE_SOURCES.some((prefix) => from.startsWith(prefix))) return { source: 'secret-store', written };
  if (GENERATED_SOURCES.some((prefix) => from.startsWith(prefix))) return { source: 'generated', written };
  if (/^var\./.test(written)) return { source: 'variable', written };
  return { source: 'other', written };
}

/** SSM parameters: a `String` parameter is stored unencrypted, a `SecureString` with KMS. */
function mapParameter(instance: ResourceInstance, context: MappingContext): void {
  const type = str(instance.body, 'type');
  const name = knownStr(instance.body, 'name');
  const encrypted = isUnknown(type) ? type : type === 'SecureString';
  pushOptional(evidenceOf(context), 'storedTexts', {
    id: instance.address,
    kind: 'parameter',
    ...(name === undefined ? {} : { name }),
    encrypted,
    origin: origin(instance),
  });
}

/** SSM documents: scripts run on managed hosts, which may embed log-on passwords. */
function mapDocument(instance: ResourceInstance, context: MappingContext): void {
  const content = knownStr(instance.body, 'content');
  if (content === undefined) return;
  const name = knownStr(instance.body, 'name');
  pushOptional(evidenceOf(context), 'storedTexts', {
    id: instance.address,
    kind: 'script',
    ...(name === undefined ? {} : { name }),
    text: content,
    origin: origin(instance),
  });
}

/** Resource types with password attributes, beyond the databases mapped elsewhere. */
export const SECRET_VALUE_TYPES = [
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_docdb_cluster',
  'aws_redshift_cluster',
  'aws_elasticache_replication_group',
  'aws_mq_broker',
  'aws_directory_service_directory',
  'aws_opensearch_domain',
  'aws_elasticsearch_domain',
];

export const secretMappers: Record<string, ResourceMapper> = {
  aws_ssm_parameter: mapParameter,
  aws_ssm_document: mapDocument,
};
