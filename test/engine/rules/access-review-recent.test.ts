import { dateTable } from './design-facts/date-table.ts';

// Scanned on 2025-06-01: administrators were due by a review after 2025-03-01, users after 2024-12-01.
dateTable('access-review-recent', {
  valid: [
    {
      name: 'administrators reviewed 3 months ago and users 6 months ago',
      dates: ['{ kind: access-review-administrators, date: "2025-03-01" }', '{ kind: access-review-users, date: "2024-12-01" }'],
    },
  ],
  invalid: [
    {
      name: 'an administrator review 4 months ago',
      dates: ['{ kind: access-review-administrators, date: "2025-02-01" }', '{ kind: access-review-users, date: "2025-05-01" }'],
      expected: [['overdue', 'access-review-administrators', 'access-review-administrators']],
    },
    {
      name: 'a user review a day beyond 6 months',
      dates: ['{ kind: access-review-administrators, date: "2025-04-01" }', '{ kind: access-review-users, subject: vnaccs, date: "2024-11-30" }'],
      expected: [['overdue', 'access-review-users', 'access-review-users']],
    },
    {
      name: 'only the user review recorded',
      dates: ['{ kind: access-review-users, date: "2025-05-01" }'],
      expected: [['not-recorded', '  dc:', 'access-review-administrators']],
    },
  ],
});
