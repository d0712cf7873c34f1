import { defineRule } from '../define-rule.ts';
import { eachFacility } from './design-facts/facilities.ts';
import { checkFlags } from './design-facts/flags.ts';

/**
 * The server room is dry and clean, with a raised floor, no direct sunlight,
 * and temperature and humidity kept to the IT equipment standard (Đ7.2.a, Đ7.2.b).
 */
export default defineRule({
  id: 'facility-environment',
  check(context) {
    eachFacility(context, (facility, subject) => {
      checkFlags(context, facility, subject, [
        { field: 'dryAndClean', value: facility.climate?.dryAndClean },
        { field: 'raisedFloor', value: facility.climate?.raisedFloor },
        { field: 'noDirectSunlight', value: facility.climate?.noDirectSunlight },
        { field: 'temperatureControlled', value: facility.climate?.temperatureControlled },
        { field: 'humidityControlled', value: facility.climate?.humidityControlled },
      ]);
    });
  },
});
