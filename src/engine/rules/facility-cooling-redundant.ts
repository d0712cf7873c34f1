import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import { eachFacility } from './design-facts/facilities.ts';
import { atLeast, checkFlags } from './design-facts/flags.ts';

/**
 * Air conditioning of sufficient capacity with a standby unit, running 24/7
 * (Đ7.3.e). Temperature and humidity are facility-environment's concern.
 */
export default defineRule({
  id: 'facility-cooling-redundant',
  check(context) {
    eachFacility(context, (facility, subject) => {
      const cooling = facility.cooling ?? {};
      const standby = cooling.standbyUnits;
      checkFlags(context, facility, subject, [
        { field: 'cooling.units', value: atLeast(cooling.units, 1), written: isUnknown(cooling.units) ? cooling.units.origin : cooling.units },
        { field: 'cooling.standby', value: atLeast(standby, 1), written: isUnknown(standby) ? standby.origin : standby },
        { field: 'cooling.runs24x7', value: cooling.runs24x7 },
      ]);
    });
  },
});
