import { locate } from '../../model/location.ts';
import type { InfrastructureModel, Segment, Site } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';

const USER_ZONES = new Set(['user-wired', 'user-wireless']);

/**
 * Wired and wireless user segments are different zones with firewall control
 * between them (Đ9.2.a). Two faults break it: a segment that its evidence
 * puts in both user zones, and a site whose wireless segments no firewall
 * set controls, so nothing stands between them and the wired users.
 */
export default defineRule({
  id: 'zone-user-wireless-separate',
  check(context) {
    for (const segment of context.model.segments) checkCandidates(context, segment);
    for (const site of context.model.sites) checkControl(context, site);
  },
});

function checkCandidates(context: RuleContext, segment: Segment): void {
  const evidence = segment.zone.candidates.filter((candidate) => USER_ZONES.has(candidate.zone));
  if (new Set(evidence.map((candidate) => candidate.zone)).size < 2) return;
  context.report({
    status: 'fail',
    messageId: 'both-user-zones',
    data: { segment: segment.id, evidence: evidence.map((candidate) => candidate.evidence).join(', ') },
    address: segment.origin.address,
    origin: segment.origin,
    subjectId: segment.id,
    location: locate(segment.origin, 'tags'),
    detail: 'both-user-zones',
  });
}

function checkControl(context: RuleContext, site: Site): void {
  const wireless = context.model.segments.filter((segment) => segment.siteId === site.id && segment.zone.zone === 'user-wireless');
  if (wireless.length === 0) return;
  if (wireless.some((segment) => isControlled(context.model, segment))) return;
  context.report({
    status: 'fail',
    messageId: 'no-control',
    data: { site: site.id, segments: wireless.map((segment) => segment.id).join(', ') },
    address: site.origin.address,
    origin: site.origin,
    subjectId: site.id,
    location: site.origin.location,
    detail: `no-control:${wireless.map((segment) => segment.id).join(',')}`,
  });
}

/**
 * True when a firewall set controls traffic of the segment: an ACL or NSG
 * attached to it, a group carried by one of its hosts, or a group tagged
 * with the wireless zone.
 */
function isControlled(model: InfrastructureModel, segment: Segment): boolean {
  if (model.firewallSets.some((set) => set.segmentIds.includes(segment.id) || set.zone?.zone === 'user-wireless')) return true;
  const carried = new Set(model.hosts.filter((host) => host.segmentIds.includes(segment.id)).flatMap((host) => host.firewallSetIds));
  return model.firewallSets.some((set) => carried.has(set.id));
}
