import { defineRule } from '../define-rule.ts';
import { eachFacility } from './design-facts/facilities.ts';
import { checkFlags } from './design-facts/flags.ts';

/**
 * Server rooms of the DC and DR (and the central data and IT center, a `dc`
 * site) have CCTV running 24/7, recorded and connected to the monitoring
 * team's computers (Đ7.3.f). Provincial sites and server rooms are not bound.
 */
const BOUND_ROLES = ['dc', 'dr'];

export default defineRule({
  id: 'facility-cctv',
  check(context) {
    eachFacility(context, (facility, subject) => {
      if (facility.siteRole === undefined || !BOUND_ROLES.includes(facility.siteRole)) return;
      checkFlags(context, facility, subject, [
        { field: 'cctv.hours24x7', value: facility.cctv24x7 },
        { field: 'cctv.recorded', value: facility.cctvRecorded },
        { field: 'cctv.monitored', value: facility.cctvMonitored },
      ]);
    });
  },
});
