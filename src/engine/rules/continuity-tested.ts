import { defineRule } from '../define-rule.ts';
import { checkIntervals } from './design-facts/dates.ts';

/**
 * Continuity of critical systems is checked every 6 months, recovery from
 * another location included (Đ26.1.c, Đ26.3.a), and the disaster-recovery
 * plan is reviewed every 12 months (Đ27.1.b).
 */
export default defineRule({
  id: 'continuity-tested',
  check(context) {
    checkIntervals(context, [
      { kind: 'continuity-test', months: 6 },
      { kind: 'dr-plan-review', months: 12 },
    ]);
  },
});
