import { defineRule } from '../define-rule.ts';
import { checkOfflineHosts } from './zone-isolation/offline-hosts.ts';

/**
 * Computers that draft, print or store state secrets, or the business
 * programs' standard data files, never connect to the Internet (Đ22.3.c,
 * Đ28.1): a host tagged with the secret classification has no Internet path.
 */
export default defineRule({
  id: 'secret-hosts-offline',
  check(context) {
    checkOfflineHosts(context, 'classificationTag');
  },
});
