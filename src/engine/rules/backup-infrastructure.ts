import { defineRule } from '../define-rule.ts';
import { checkBackupFlags } from './design-facts/backup.ts';

/** Backups have high-speed links, enough storage and a backup/restore test system (Đ20.2.a). */
export default defineRule({
  id: 'backup-infrastructure',
  check(context) {
    checkBackupFlags(context, ['highSpeedLinks', 'capacitySufficient', 'restoreTestSystem']);
  },
});
