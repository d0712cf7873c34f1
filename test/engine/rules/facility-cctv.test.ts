import { facilityTable, facilityWith } from './design-facts/facility-table.ts';

facilityTable(
  'facility-cctv',
  [
    { name: 'footage not recorded', site: facilityWith('recorded: true', 'recorded: false'), expected: [['missing', 'cctv:', 'cctv.recorded']] },
    { name: 'cameras off at night', site: facilityWith('hours24x7: true', 'hours24x7: false'), expected: [['missing', 'cctv:', 'cctv.hours24x7']] },
  ],
  [{ name: 'a provincial server room without CCTV', site: facilityWith('role: dc', 'role: server-room').replace('  cctv: { hours24x7: true, recorded: true, monitored: true }', '') }],
);
