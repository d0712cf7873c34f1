import { defineRule } from '../define-rule.ts';
import { checkFlags } from './design-facts/flags.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/**
 * Workstations that hold application design documents have anti-malware,
 * no remote access and strong passwords (Đ10.2).
 */
export default defineRule({
  id: 'design-doc-workstation',
  check(context) {
    const stations = context.model.evidence?.designWorkstations ?? [];
    if (stations.length === 0) reportNotEvidenced(context, 'not-recorded-any', 'designWorkstations');
    for (const station of stations) {
      checkFlags(context, station, station.id, [
        { field: 'antimalware', value: station.antimalware },
        { field: 'remoteAccess', value: station.remoteAccess, expected: false },
        { field: 'strongPasswords', value: station.strongPasswords },
      ]);
    }
  },
});
