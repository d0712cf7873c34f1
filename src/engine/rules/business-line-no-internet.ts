import { defineRule } from '../define-rule.ts';
import { checkOfflineHosts } from './zone-isolation/offline-hosts.ts';

/**
 * Computers of business processing lines have no Internet access at all,
 * not even through the proxy (Đ22.3.a).
 */
export default defineRule({
  id: 'business-line-no-internet',
  check(context) {
    checkOfflineHosts(context, 'businessLineTag');
  },
});
