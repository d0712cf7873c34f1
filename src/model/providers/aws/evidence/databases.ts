import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import { isUnknown } from '../../../unknown.ts';
import { attr, bool, knownStr, origin, str } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf, pushOptional } from './record.ts';

/**
 * Database facts beyond the network: the engine version it runs (for
 * end-of-life checks) and the snapshot it was restored from (for production
 * data copied into test). A snapshot is traced to the database it was taken
 * of when the scan defines both.
 */
const IDENTIFIERS = 'aws-db-identifiers';
const SNAPSHOTS = 'aws-db-snapshot-sources';

const PRODUCTS: Record<string, string> = {
  postgres: 'postgres',
  'aurora-postgresql': 'postgres',
  mysql: 'mysql',
  'aurora-mysql': 'mysql',
  mariadb: 'mariadb',
};

function mapDatabase(instance: ResourceInstance, context: MappingContext): void {
  const identifier = knownStr(instance.body, 'identifier') ?? knownStr(instance.body, 'cluster_identifier');
  if (identifier !== undefined) context.lookup<string>(IDENTIFIERS).set(identifier, instance.address);
  recordVersion(instance, context);
  recordSnapshotSource(instance, context);
}

function recordVersion(instance: ResourceInstance, context: MappingContext): void {
  const engine = knownStr(instance.body, 'engine');
  const product = engine === undefined ? undefined : PRODUCTS[engine];
  const version = str(instance.body, 'engine_version');
  if (product === undefined || version === undefined) return;
  const autoUpgrade = bool(instance.body, 'auto_minor_version_upgrade') ?? true;
  pushOptional(evidenceOf(context), 'softwareVersions', {
    subject: instance.address,
    product,
    version,
    autoUpgrade,
    origin: origin(instance),
  });
}

function recordSnapshotSource(instance: ResourceInstance, context: MappingContext): void {
  const written = attr(instance.body, 'snapshot_identifier')?.value;
  if (written === undefined || written === null) return;
  const copyOrigin = origin(instance);
  context.afterMapping('derive', () => {
    const source = isUnknown(written) ? (written.ref?.address ?? written.origin) : String(written);
    pushOptional(evidenceOf(context), 'dataCopies', {
      target: instance.address,
      source: resolveSnapshot(source, context),
      attribute: 'snapshot_identifier',
      origin: copyOrigin,
    });
  });
}

/** The database a snapshot was taken of, when the scan shows it; else the snapshot. */
function resolveSnapshot(source: string, context: MappingContext): string {
  const database = context.lookup<string>(SNAPSHOTS).get(source);
  if (database === undefined) return source;
  return context.lookup<string>(IDENTIFIERS).get(database) ?? database;
}

function mapSnapshot(instance: ResourceInstance, context: MappingContext): void {
  const written = attr(instance.body, 'db_instance_identifier')?.value ?? attr(instance.body, 'db_cluster_identifier')?.value;
  if (written === undefined || written === null) return;
  const database = isUnknown(written) ? (written.ref?.address ?? written.origin) : String(written);
  const table = context.lookup<string>(SNAPSHOTS);
  table.set(instance.address, database);
  const name = knownStr(instance.body, 'db_snapshot_identifier') ?? knownStr(instance.body, 'db_cluster_snapshot_identifier');
  if (name !== undefined) table.set(name, database);
}

export const databaseEvidenceMappers: Record<string, ResourceMapper> = {
  aws_db_instance: mapDatabase,
  aws_rds_cluster: mapDatabase,
  aws_db_snapshot: mapSnapshot,
  aws_db_cluster_snapshot: mapSnapshot,
};
