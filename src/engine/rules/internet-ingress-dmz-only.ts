import type { Flow } from '../../analysis/reachability/types.ts';
import type { FirewallRule } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import {
  describeRule,
  describeSources,
  describeTargets,
  describeZones,
  findingLocation,
  flowDetail,
  flowEvidence,
  flowsByRule,
  isFromOutside,
  type RuleFlows,
} from './support/flow-findings.ts';
import {
  formatTraffic,
  mergeTraffic,
  serviceListParameter,
  trafficBeyond,
  trafficOf,
  type NamedService,
  type Traffic,
} from './support/services.ts';
import { reportUnevaluated } from './support/unevaluated.ts';

const PUBLISHED = 'publishedPorts';

/**
 * Traffic from outside (the internet, and narrower outside ranges) reaches
 * only the DMZ, and there only the published service ports. A flow into a
 * zone other than the DMZ is a finding on every port. A flow into the DMZ, or
 * into a target of unknown zone, is a finding on the ports it opens beyond the
 * published ones. A rule whose every target has no path from outside is not.
 */
export default defineRule({
  id: 'internet-ingress-dmz-only',
  check(context) {
    const published = serviceListParameter(context.meta, PUBLISHED);
    const groups = flowsByRule(context.model, context.reachability.flows, isFromOutside);
    for (const group of groups) checkRule(context, group, published);
    reportUnevaluated(context, (entry, rule) => entry.part === 'source' || mayComeFromOutside(rule));
  },
});

function checkRule(context: RuleContext, { rule, flows }: RuleFlows, published: NamedService[]): void {
  const reachable = flows.filter((flow) => flow.outsidePath !== 'closed');
  if (reachable.length === 0) return;
  const intoOtherZones = reachable.filter((flow) => flow.targetZone !== undefined && flow.targetZone !== 'dmz');
  const offending = intoOtherZones.length > 0 ? intoOtherZones : reachable;
  const traffic = offendingTraffic(offending, published);
  if (traffic.length === 0) return;
  const base = {
    rule: describeRule(rule),
    source: describeSources(offending),
    services: traffic.map(formatTraffic).join(', '),
    targets: describeTargets(context.model, offending),
  };
  const messageId = intoOtherZones.length > 0 ? 'reaches-zone' : 'reaches-unpublished';
  const data = messageId === 'reaches-zone' ? { ...base, zones: describeZones(offending) } : base;
  context.report({
    status: 'fail',
    messageId,
    data,
    address: rule.origin.address,
    origin: rule.origin,
    subjectId: rule.id,
    location: findingLocation(rule, offending),
    detail: flowDetail(traffic, offending),
    evidence: flowEvidence(offending),
    restsOn: messageId === 'reaches-zone' ? [] : [PUBLISHED],
  });
}

/** True when a rule names addresses, which may lie outside; groups never do. */
function mayComeFromOutside(rule: FirewallRule): boolean {
  return rule.peers.some((peer) => peer.kind === 'cidr' || peer.kind === 'tag' || peer.kind === 'unknown');
}

/** Collects every port into other zones, and the ports beyond the published ones into the DMZ or an unknown zone. */
function offendingTraffic(flows: readonly Flow[], published: NamedService[]): Traffic[] {
  const traffic = flows.flatMap((flow) => {
    const opened = trafficOf(flow.protocol, flow.ports);
    if (flow.targetZone !== undefined && flow.targetZone !== 'dmz') return [opened];
    return trafficBeyond(opened, published);
  });
  return mergeTraffic(traffic);
}
