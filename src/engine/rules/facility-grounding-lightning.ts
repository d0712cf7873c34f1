import { defineRule } from '../define-rule.ts';
import { eachFacility } from './design-facts/facilities.ts';
import { checkFlags } from './design-facts/flags.ts';

/**
 * Grounding to the safety standard for computer systems, protection against
 * direct lightning strikes, and surge protection on power, telephone and
 * network lines (Đ7.3.d, Đ7.3.đ).
 */
export default defineRule({
  id: 'facility-grounding-lightning',
  check(context) {
    eachFacility(context, (facility, subject) => {
      checkFlags(context, facility, subject, [
        { field: 'grounding', value: facility.grounding },
        { field: 'lightningProtection', value: facility.lightningProtection },
        { field: 'surgeProtection', value: facility.surgeProtection },
      ]);
    });
  },
});
