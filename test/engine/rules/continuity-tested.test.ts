import { dateTable } from './design-facts/date-table.ts';

dateTable('continuity-tested', {
  valid: [
    { name: 'a test 6 months ago and a review 12 months ago', dates: ['{ kind: continuity-test, date: "2024-12-01" }', '{ kind: dr-plan-review, date: "2024-06-01" }'] },
  ],
  invalid: [
    {
      name: 'a continuity test 7 months ago',
      dates: ['{ kind: continuity-test, subject: vnaccs, date: "2024-10-31" }', '{ kind: dr-plan-review, date: "2025-01-01" }'],
      expected: [['overdue', 'continuity-test', 'continuity-test']],
    },
    {
      name: 'a plan review 13 months ago',
      dates: ['{ kind: continuity-test, date: "2025-05-01" }', '{ kind: dr-plan-review, date: "2024-05-31" }'],
      expected: [['overdue', 'dr-plan-review', 'dr-plan-review']],
    },
    {
      name: 'nothing recorded',
      dates: [],
      expected: [['not-recorded', '  dc:', 'dr-plan-review'], ['not-recorded', '  dc:', 'continuity-test']],
    },
  ],
});
