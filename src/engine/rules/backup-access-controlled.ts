import type { BackupStore } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { withBackup } from './design-facts/backup.ts';
import { reportUnknownField } from './organisation/facts.ts';
import { evidenceRequired } from './organisation/required.ts';

/**
 * Access to backup copies is controlled and authorised (Đ20.4.a): each
 * backup store is private and granted to named roles only. Encryption is
 * recommended, not required, so it is not checked here.
 */
export default defineRule({
  id: 'backup-access-controlled',
  check(context) {
    withBackup(context, (backup) => {
      for (const store of backup.stores) {
        checkPublic(context, store);
        checkRoles(context, store);
      }
    });
  },
});

function checkPublic(context: RuleContext, store: BackupStore): void {
  if (isUnknown(store.publicAccess)) return reportUnknownField(context, store, { paths: ['publicAccess'], value: store.publicAccess });
  if (store.publicAccess !== true) return;
  report(context, store, 'public', 'publicAccess');
}

function checkRoles(context: RuleContext, store: BackupStore): void {
  const roles = store.accessRoles;
  if (isUnknown(roles)) return reportUnknownField(context, store, { paths: ['accessRoles'], value: roles });
  if (roles !== undefined && roles.length > 0) return;
  if (roles === undefined && !evidenceRequired(context)) return;
  report(context, store, 'not-restricted', roles === undefined ? undefined : 'accessRoles');
}

function report(context: RuleContext, store: BackupStore, messageId: string, field: string | undefined): void {
  context.report({
    status: 'fail',
    messageId,
    data: { store: store.id },
    address: store.origin.address,
    origin: store.origin,
    location: locate(store.origin, field),
    detail: messageId,
  });
}
