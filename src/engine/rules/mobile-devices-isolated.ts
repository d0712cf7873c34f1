import { indexModel } from '../../analysis/reachability/model-index.ts';
import type { Flow } from '../../analysis/reachability/types.ts';
import { locate } from '../../model/location.ts';
import type { Segment } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { describeRule, describeSources, describeTargets, findingLocation, flowDetail, flowsByRule, type RuleFlows } from './support/flow-findings.ts';
import { reportRuleFlows } from './zone-isolation/flow-report.ts';
import { describeRoute, internetAccessOf, type InternetAccess } from './zone-isolation/internet-access.ts';

/** A wireless or guest segment and how it reaches the Internet. */
interface MobileSegment {
  segment: Segment;
  access: Exclude<InternetAccess, { status: 'closed' }>;
}

/**
 * Smart devices on a wireless or guest segment that reaches the Internet
 * have no path to the internal network (Đ24.2.b): every firewall rule that
 * admits such a segment into the internal zone is a finding. Where the code
 * does not show whether the segment reaches the Internet, the rule is
 * reported as not evaluated.
 */
export default defineRule({
  id: 'mobile-devices-isolated',
  check(context) {
    const mobile = mobileSegments(context);
    if (mobile.size === 0) return;
    const intoInternal = (flow: Flow) => flow.targetZone === 'internal' && sourceSegments(flow, mobile).length > 0;
    for (const group of flowsByRule(context.model, context.reachability.flows, intoInternal, true)) {
      const segments = [...new Set(group.flows.flatMap((flow) => sourceSegments(flow, mobile)))];
      const open = segments.filter((entry) => entry.access.status === 'open');
      if (open.length > 0) reportOpen(context, group, open);
      else reportUndecided(context, group, segments);
    }
  },
});

function mobileSegments(context: RuleContext): Map<string, MobileSegment> {
  const index = indexModel(context.model);
  const mobile = new Map<string, MobileSegment>();
  for (const segment of context.model.segments) {
    if (segment.zone.zone !== 'user-wireless') continue;
    const access = internetAccessOf(index, segment);
    if (access.status !== 'closed') mobile.set(segment.id, { segment, access });
  }
  return mobile;
}

function sourceSegments(flow: Flow, mobile: Map<string, MobileSegment>): MobileSegment[] {
  if (flow.source.kind !== 'zone') return [];
  return flow.source.segmentIds.flatMap((id) => mobile.get(id) ?? []);
}

function reportOpen(context: RuleContext, group: RuleFlows, open: MobileSegment[]): void {
  const routes = open.flatMap(({ access }) => (access.status === 'open' ? [access] : []));
  reportRuleFlows(context, group, {
    messageId: 'mobile-reaches-internal',
    data: {
      segments: open.map(({ segment }) => segment.id).join(', '),
      routes: routes.map(({ table, route }) => describeRoute(table, route)).join(', '),
    },
    related: routes.map(({ table, route }) => ({
      location: locate(route.origin, route.path || undefined),
      message: `Internet ${describeRoute(table, route)}`,
    })),
  });
}

function reportUndecided(context: RuleContext, { rule, flows }: RuleFlows, segments: MobileSegment[]): void {
  const entry = segments[0]!;
  const unknown = entry.access.status === 'unknown' ? entry.access.unknown : undefined;
  if (unknown === undefined) return;
  context.report({
    status: 'unknown',
    messageId: 'internet-unknown',
    data: {
      rule: describeRule(rule),
      source: describeSources(flows),
      targets: describeTargets(context.model, flows),
      segments: segments.map(({ segment }) => segment.id).join(', '),
      expression: unknown.origin,
      reason: unknown.reason,
    },
    address: rule.origin.address,
    origin: rule.origin,
    subjectId: rule.id,
    location: findingLocation(rule, flows),
    detail: `internet-unknown:${flowDetail([], flows)}`,
    unknown,
  });
}
