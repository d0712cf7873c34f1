import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import type { DatabaseBackup } from '../../../evidence.ts';
import { isUnknown } from '../../../unknown.ts';
import { bool, num, origin } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf } from './record.ts';

/**
 * The backup settings of an RDS instance or cluster (Đ13.2.a: back up before
 * an upgrade). `backup_retention_period = 0` turns automated backups off;
 * `skip_final_snapshot = true` drops the database on replacement without a
 * snapshot. Unset attributes keep the provider defaults and stay absent.
 */
function mapDatabaseBackup(instance: ResourceInstance, context: MappingContext): void {
  const backup: DatabaseBackup = { subject: instance.address, origin: origin(instance) };
  const retention = num(instance.body, 'backup_retention_period');
  if (retention !== undefined) backup.retentionDays = retention;
  const skip = bool(instance.body, 'skip_final_snapshot');
  if (skip !== undefined) backup.finalSnapshot = isUnknown(skip) ? skip : !skip;
  (evidenceOf(context).databaseBackups ??= []).push(backup);
}

export const databaseBackupMappers: Record<string, ResourceMapper> = {
  aws_db_instance: mapDatabaseBackup,
  aws_rds_cluster: mapDatabaseBackup,
};
