import { facilityTable, facilityWith } from './design-facts/facility-table.ts';

facilityTable('facility-cooling-redundant', [
  { name: 'no standby unit', site: facilityWith('standby: 1', 'standby: 0'), expected: [['missing', 'cooling:', 'cooling.standby']] },
  { name: 'office hours only', site: facilityWith('runs24x7: true', 'runs24x7: false'), expected: [['missing', 'cooling:', 'cooling.runs24x7']] },
]);
