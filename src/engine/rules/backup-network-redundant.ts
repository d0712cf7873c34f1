import { defineRule } from '../define-rule.ts';
import { checkBackupFlags } from './design-facts/backup.ts';

/** Backups have a redundant (standby) network and spare backup equipment (Đ20.2.a). */
export default defineRule({
  id: 'backup-network-redundant',
  check(context) {
    checkBackupFlags(context, ['standbyNetwork', 'spareEquipment']);
  },
});
