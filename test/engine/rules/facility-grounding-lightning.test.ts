import { facilityTable, facilityWith } from './design-facts/facility-table.ts';

facilityTable('facility-grounding-lightning', [
  { name: 'no grounding', site: facilityWith('grounding: true', 'grounding: false'), expected: [['missing', 'grounding:', 'grounding']] },
  { name: 'no surge protection on record', site: facilityWith('  surgeProtection: true\n', ''), expected: [['not-recorded', 'facility:', 'surgeProtection']] },
]);
