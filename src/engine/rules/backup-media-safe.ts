import { defineRule } from '../define-rule.ts';
import { checkBackupFlags } from './design-facts/backup.ts';

/** Backup media sit in fire-resistant locked cabinets and spare storage devices exist (Đ20.4.a). */
export default defineRule({
  id: 'backup-media-safe',
  check(context) {
    checkBackupFlags(context, ['fireResistantMediaStorage', 'spareStorageDevices']);
  },
});
