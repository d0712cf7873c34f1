import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import { checkFlags } from './design-facts/flags.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/**
 * The LAN design provides redundancy and its full diagram is approved by the
 * unit's leadership, with approver and date recorded (Đ9.2.b). Only a design
 * file can say so; code scans stay silent.
 */
export default defineRule({
  id: 'lan-design-approved',
  check(context) {
    const approvals = (context.model.evidence?.approvals ?? []).filter((approval) => approval.subject === 'lan-design');
    if (approvals.length === 0) reportNotEvidenced(context, 'not-approved', 'approval');
    for (const approval of approvals) {
      checkFlags(context, approval, 'lan-design', [
        { field: 'approver', value: approval.approver === undefined ? undefined : true },
        { field: 'date', value: isUnknown(approval.date) ? approval.date : approval.date === undefined ? undefined : true },
        { field: 'redundant', value: approval.redundant },
      ]);
    }
  },
});
