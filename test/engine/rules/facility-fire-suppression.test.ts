import { facilityTable, facilityWith } from './design-facts/facility-table.ts';

facilityTable('facility-fire-suppression', [
  { name: 'no suppression system', site: facilityWith('suppressionSystem: true', 'suppressionSystem: false'), expected: [['missing', 'fire:', 'fire.suppressionSystem']] },
  { name: 'no extinguishers on record', site: facilityWith(', extinguishers: true', ''), expected: [['not-recorded', 'facility:', 'fire.extinguishers']] },
]);
