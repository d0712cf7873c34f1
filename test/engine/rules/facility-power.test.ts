import { facilityTable, facilityWith } from './design-facts/facility-table.ts';

const POWER = 'power: { lines: 2, generator: true, generatorFuelHours: 24, ups: true, upsTested: "2025-02-01" }';

facilityTable('facility-power', [
  { name: 'one power line', site: facilityWith('lines: 2', 'lines: 1'), expected: [['missing', 'power:', 'power.lines']] },
  { name: 'no generator', site: facilityWith('generator: true, generatorFuelHours: 24', 'generator: false'), expected: [['missing', 'power:', 'power.generator']] },
  { name: 'a generator without fuel', site: facilityWith('generatorFuelHours: 24', 'generatorFuelHours: 0'), expected: [['missing', 'power:', 'power.generatorFuelHours']] },
  { name: 'an untested UPS', site: facilityWith(POWER, 'power: { lines: 2, generator: true, ups: true }'), expected: [['not-recorded', 'facility:', 'power.upsTested']] },
]);
