import { facilityTable, facilityWith } from './design-facts/facility-table.ts';

facilityTable('facility-dedicated-room', [
  { name: 'a shared room', site: facilityWith('dedicatedRoom: true', 'dedicatedRoom: false'), expected: [['missing', 'dedicatedRoom:', 'dedicatedRoom']] },
  { name: 'unprotected cabling', site: facilityWith('cablingProtected: true', 'cablingProtected: false'), expected: [['missing', 'cablingProtected:', 'cablingProtected']] },
  { name: 'no access control on record', site: facilityWith('  accessControl: true\n', ''), expected: [['not-recorded', 'facility:', 'accessControl']] },
]);
