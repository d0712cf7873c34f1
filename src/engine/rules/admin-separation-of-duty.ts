import { defineRule } from '../define-rule.ts';
import { factReport, subjectOf } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/**
 * One person does not administer two systems or applications at once. Only a
 * design file maps people to the systems they administer.
 */
export default defineRule({
  id: 'admin-separation-of-duty',
  check(context) {
    const administrators = context.model.evidence?.administrators ?? [];
    if (administrators.length === 0) reportNotEvidenced(context, 'not-evidenced', 'administrator assignments');
    for (const administrator of administrators) {
      const systems = [...new Set(administrator.systems)];
      if (systems.length < 2) continue;
      context.report({
        ...factReport(administrator, ['systems']),
        status: 'fail',
        messageId: 'several-systems',
        data: { subject: subjectOf(administrator), person: administrator.person, systems: systems.join(', ') },
        detail: `person:${administrator.person}`,
      });
    }
  },
});
