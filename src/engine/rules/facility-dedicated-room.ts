import { defineRule } from '../define-rule.ts';
import { eachFacility } from './design-facts/facilities.ts';
import { checkFlags } from './design-facts/flags.ts';

/**
 * The server room is a separate room with technical and administrative
 * measures against unauthorised access to equipment and cabling (Đ7.1, Đ7.2.b).
 */
export default defineRule({
  id: 'facility-dedicated-room',
  check(context) {
    eachFacility(context, (facility, subject) => {
      checkFlags(context, facility, subject, [
        { field: 'dedicatedRoom', value: facility.dedicatedRoom },
        { field: 'accessControl', value: facility.accessControl },
        { field: 'cablingProtected', value: facility.cablingProtected },
      ]);
    });
  },
});
