import type { Facility } from '../../../model/evidence.ts';
import { evidenceRequired } from '../organisation/required.ts';
import type { RuleContext } from '../../types.ts';
import { designSites } from './sites.ts';

/**
 * Calls `check` with the facility of each design site, and reports a design
 * site that records no facility at all (`no-facility`). Code scans have no
 * design sites, so facility rules stay silent on them.
 */
export function eachFacility(context: RuleContext, check: (facility: Facility, subject: string) => void): void {
  const facilities = context.model.evidence?.facilities ?? [];
  for (const site of designSites(context)) {
    const facility = facilities.find((candidate) => candidate.siteId === site.id);
    if (facility !== undefined) {
      check(facility, site.name === site.id ? site.id : `${site.name} (${site.id})`);
    } else if (evidenceRequired(context)) {
      context.report({
        status: 'fail',
        messageId: 'no-facility',
        data: { subject: site.id },
        address: site.origin.address,
        origin: site.origin,
        location: site.origin.location,
        detail: 'no-facility',
      });
    }
  }
}
