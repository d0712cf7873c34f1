import { defineRule } from '../define-rule.ts';
import { checkIntervals } from './design-facts/dates.ts';

/**
 * Access rights are reviewed at least every 3 months for administrators and
 * every 6 months for users (Đ21.3.a). The intervals are the regulation's own,
 * so they are fixed here rather than parameters. Code records no review
 * dates, so only design files (or `requireEvidence`) report a missing one.
 */
export default defineRule({
  id: 'access-review-recent',
  check(context) {
    checkIntervals(context, [
      { kind: 'access-review-administrators', months: 3 },
      { kind: 'access-review-users', months: 6 },
    ]);
  },
});
