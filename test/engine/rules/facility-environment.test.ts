import { facilityTable, facilityWith } from './design-facts/facility-table.ts';

facilityTable('facility-environment', [
  { name: 'no raised floor', site: facilityWith('raisedFloor: true', 'raisedFloor: false'), expected: [['missing', 'raisedFloor:', 'raisedFloor']] },
  { name: 'direct sunlight', site: facilityWith('noDirectSunlight: true', 'noDirectSunlight: false'), expected: [['missing', 'noDirectSunlight:', 'noDirectSunlight']] },
  { name: 'humidity not on record', site: facilityWith('  humidityControlled: true\n', ''), expected: [['not-recorded', 'facility:', 'humidityControlled']] },
]);
