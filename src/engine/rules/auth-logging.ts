import type { AuditEvent } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import { factReport, subjectOf } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/** The events Đ16.2.a and Đ21.2.d require the organisation to log. */
const REQUIRED: readonly AuditEvent[] = [
  'authentication-success',
  'authentication-failure',
  'privilege-use',
  'logon',
  'password-change',
];

/**
 * Organisation-wide audit trails together log every required event. A trail
 * scoped to one database does not log the organisation's log-ons, so only
 * trails without a scope count. Their events are pooled, and a missing event
 * is reported at the first of them.
 */
export default defineRule({
  id: 'auth-logging',
  check(context) {
    const trails = (context.model.evidence?.auditTrails ?? []).filter((trail) => trail.scope.length === 0);
    const first = trails[0];
    if (first === undefined) {
      reportNotEvidenced(context, 'not-evidenced', 'audit trail');
      return;
    }
    const logged = new Set(trails.flatMap((trail) => trail.events));
    const missing = REQUIRED.filter((event) => !logged.has(event));
    if (missing.length === 0) return;
    context.report({
      ...factReport(first, ['events', 'include_global_service_events']),
      status: 'fail',
      messageId: 'events-missing',
      data: { subject: subjectOf(first), events: missing.join(', '), trails: trails.map((trail) => trail.id).join(', ') },
      detail: `missing:${missing.join(',')}`,
    });
  },
});
