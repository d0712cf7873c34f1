import { dateTable } from './design-facts/date-table.ts';

const ON_TIME = [
  '{ kind: maintenance-it-equipment, date: "2025-01-01" }',
  '{ kind: maintenance-network-devices, date: "2024-07-01" }',
  '{ kind: technical-upgrade-check, date: "2024-07-01" }',
  '{ kind: backup-safety-assessment, date: "2025-02-01" }',
];

dateTable('maintenance-recent', {
  valid: [{ name: 'every kind on time', dates: ON_TIME }],
  invalid: [
    {
      name: 'IT equipment maintained 7 months ago',
      dates: ['{ kind: maintenance-it-equipment, date: "2024-10-15" }', ...ON_TIME.slice(1)],
      expected: [['overdue', 'maintenance-it-equipment', 'maintenance-it-equipment']],
    },
    {
      name: 'network devices maintained 13 months ago',
      dates: [ON_TIME[0]!, '{ kind: maintenance-network-devices, date: "2024-04-30" }', ...ON_TIME.slice(2)],
      expected: [['overdue', 'maintenance-network-devices', 'maintenance-network-devices']],
    },
    {
      name: 'no backup safety assessment',
      dates: ON_TIME.slice(0, 3),
      expected: [['not-recorded', '  dc:', 'backup-safety-assessment']],
    },
  ],
});
