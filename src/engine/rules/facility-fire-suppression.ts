import { defineRule } from '../define-rule.ts';
import { eachFacility } from './design-facts/facilities.ts';
import { checkFlags } from './design-facts/flags.ts';

/**
 * Computer rooms have a fire prevention and suppression system and foam or
 * CO2 extinguishers (Đ7.3.a).
 */
export default defineRule({
  id: 'facility-fire-suppression',
  check(context) {
    eachFacility(context, (facility, subject) => {
      checkFlags(context, facility, subject, [
        { field: 'fire.suppressionSystem', value: facility.fire?.suppressionSystem },
        { field: 'fire.extinguishers', value: facility.fire?.extinguishers },
      ]);
    });
  },
});
