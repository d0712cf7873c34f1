import type { Evidence } from '../../../model/evidence.ts';
import type { Origin } from '../../../model/location.ts';
import type { RuleContext } from '../../types.ts';

/**
 * Whether a missing organisational fact is a finding. A design file states
 * the organisation's facts as a whole, so an absent identity section there is
 * a gap; a Terraform module shows only what it manages, and reporting "not
 * evidenced" on every small module would drown the real findings. The
 * `requireEvidence` parameter turns the check on for code scans too.
 */
export function evidenceRequired(context: RuleContext): boolean {
  if (context.meta.parameters['requireEvidence'] === true) return true;
  return isDeclared(context.model.evidence, context);
}

function isDeclared(evidence: Evidence | undefined, context: RuleContext): boolean {
  if (evidence?.declared === true) return true;
  // Design models classify their zones from the design; code never does.
  return context.model.segments.some((segment) =>
    segment.zone.candidates.some((candidate) => candidate.source === 'design'),
  );
}

/** Where a finding about a missing fact points: the first site, else the first host. */
export function anchorOf(context: RuleContext): Origin | undefined {
  return context.model.sites[0]?.origin ?? context.model.hosts[0]?.origin;
}

/** Reports that no input shows a fact the rule needs, when the input should show it. */
export function reportNotEvidenced(context: RuleContext, messageId: string, what: string): void {
  if (!evidenceRequired(context)) return;
  const origin = anchorOf(context);
  if (origin === undefined) return;
  context.report({
    status: 'fail',
    messageId,
    data: { subject: origin.address, what },
    address: origin.address,
    origin,
    location: origin.location,
    detail: `not-evidenced:${what}`,
  });
}
