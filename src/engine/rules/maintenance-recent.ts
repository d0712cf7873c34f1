import { defineRule } from '../define-rule.ts';
import { checkIntervals } from './design-facts/dates.ts';

/**
 * IT equipment is maintained every 3-6 months and network devices every 12,
 * with a yearly technical upgrade check (Đ30.2.a); backup safety is assessed
 * every 6 months (Đ20.3.b). The regulation's outer bound of 6 months is the
 * limit for IT equipment.
 */
export default defineRule({
  id: 'maintenance-recent',
  check(context) {
    checkIntervals(context, [
      { kind: 'maintenance-it-equipment', months: 6 },
      { kind: 'maintenance-network-devices', months: 12 },
      { kind: 'technical-upgrade-check', months: 12 },
      { kind: 'backup-safety-assessment', months: 6 },
    ]);
  },
});
