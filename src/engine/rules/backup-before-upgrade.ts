import type { DatabaseBackup } from '../../model/evidence.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, reportUnknownField } from './organisation/facts.ts';

/**
 * Data and programs are backed up before an upgrade (Đ13.2.a, Đ29.1.d). An
 * engine upgrade or replacement of a managed database runs unattended, so
 * zoneguard reads the regulation as: automated backups stay on and a final
 * snapshot is taken (the `databaseBackups` default).
 */
export default defineRule({
  id: 'backup-before-upgrade',
  check(context) {
    if (context.meta.parameters['databaseBackups'] === false) return;
    for (const database of context.model.evidence?.databaseBackups ?? []) {
      checkRetention(context, database);
      checkFinalSnapshot(context, database);
    }
  },
});

const RETENTION = ['backup_retention_period'];
const FINAL_SNAPSHOT = ['skip_final_snapshot'];

function checkRetention(context: RuleContext, database: DatabaseBackup): void {
  const days = database.retentionDays;
  if (isUnknown(days)) return reportUnknownField(context, database, { paths: RETENTION, value: days });
  if (days !== 0) return;
  report(context, database, 'no-automated-backups', RETENTION);
}

function checkFinalSnapshot(context: RuleContext, database: DatabaseBackup): void {
  const kept = database.finalSnapshot;
  if (isUnknown(kept)) return reportUnknownField(context, database, { paths: FINAL_SNAPSHOT, value: kept });
  if (kept !== false) return;
  report(context, database, 'no-final-snapshot', FINAL_SNAPSHOT);
}

function report(context: RuleContext, database: DatabaseBackup, messageId: string, paths: string[]): void {
  context.report({
    ...factReport(database, paths),
    status: 'fail',
    messageId,
    data: { database: database.subject },
    detail: messageId,
    restsOn: ['databaseBackups'],
  });
}
