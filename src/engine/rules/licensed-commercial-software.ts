import { defineRule } from '../define-rule.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/** Commercial software and operating systems carry a licence record (Đ9.2.d). */
export default defineRule({
  id: 'licensed-commercial-software',
  check(context) {
    const licences = context.model.evidence?.licences ?? [];
    if (licences.length === 0) reportNotEvidenced(context, 'not-recorded', 'licences');
    for (const entry of licences) {
      if (!entry.commercial || (entry.licence !== undefined && entry.licence.trim() !== '')) continue;
      context.report({
        status: 'fail',
        messageId: 'no-licence',
        data: { product: entry.product },
        address: entry.origin.address,
        origin: entry.origin,
        location: entry.origin.location,
        detail: `no-licence:${entry.product}`,
      });
    }
  },
});
