import type { BackupFacts } from '../../../model/evidence.ts';
import type { RuleContext } from '../../types.ts';
import { reportNotEvidenced } from '../organisation/required.ts';
import { checkFlags, type FlagCheck } from './flags.ts';

/**
 * Calls `check` with the backup facts, or reports that a design records no
 * `backup` section (`no-backup`); code scans without backup facts stay silent.
 */
export function withBackup(context: RuleContext, check: (backup: BackupFacts) => void): void {
  const backup = context.model.evidence?.backup;
  if (backup === undefined) {
    reportNotEvidenced(context, 'no-backup', 'backup');
    return;
  }
  check(backup);
}

/** Checks yes/no facts of the backup section, by their field names. */
export function checkBackupFlags(context: RuleContext, fields: Array<keyof BackupFacts & string>): void {
  withBackup(context, (backup) => {
    const checks: FlagCheck[] = fields.map((field) => ({ field, value: backup[field] as FlagCheck['value'] }));
    checkFlags(context, backup, 'backup', checks);
  });
}
