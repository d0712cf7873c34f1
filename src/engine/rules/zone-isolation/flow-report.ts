import type { Flow } from '../../../analysis/reachability/types.ts';
import { Unknown } from '../../../model/unknown.ts';
import type { RuleContext, RuleReport } from '../../types.ts';
import {
  describeRule,
  describeSources,
  describeTargets,
  describeZones,
  findingLocation,
  flowDetail,
  flowEvidence,
  type RuleFlows,
} from '../support/flow-findings.ts';
import { formatTraffic, mergeTraffic, trafficOf, type Traffic } from '../support/services.ts';

/** What a zone-isolation rule reports about the flows of one firewall rule. */
export interface FlowFinding {
  messageId: string;
  /** Data beyond the rule, source, targets, zones and traffic every message may use. */
  data?: Record<string, string | number>;
  /** Traffic to name instead of everything the flows carry. */
  traffic?: Traffic[];
  restsOn?: string[];
  /** Other places that decide the finding: the route that opens the Internet. */
  related?: RuleReport['related'];
}

/** The traffic that flows carry, merged per protocol: `tcp 22, 443`. */
export function trafficOfFlows(flows: readonly Flow[]): Traffic[] {
  return mergeTraffic(flows.map((flow) => trafficOf(flow.protocol, flow.ports)));
}

/**
 * Reports one failure about the flows one firewall rule admits, pointing at
 * the peer that lets the offending source in.
 */
export function reportRuleFlows(context: RuleContext, { rule, flows }: RuleFlows, finding: FlowFinding): void {
  const traffic = finding.traffic ?? trafficOfFlows(flows);
  context.report({
    status: 'fail',
    messageId: finding.messageId,
    data: {
      rule: describeRule(rule),
      source: describeSources(flows),
      targets: describeTargets(context.model, flows),
      zones: describeZones(flows),
      traffic: traffic.map(formatTraffic).join(', '),
      ...finding.data,
    },
    address: rule.origin.address,
    origin: rule.origin,
    subjectId: rule.id,
    location: findingLocation(rule, flows),
    detail: `${finding.messageId}:${flowDetail(traffic, flows)}`,
    evidence: flowEvidence(flows),
    restsOn: finding.restsOn ?? [],
    ...(finding.related === undefined ? {} : { related: finding.related }),
  });
}

/**
 * Reports flows from a security group the scanned code does not define: its
 * zone, and so whether the rule breaks isolation, cannot be known.
 */
export function reportExternalGroups(context: RuleContext, { rule, flows }: RuleFlows, messageId: string): void {
  const groups = describeSources(flows);
  context.report({
    status: 'unknown',
    messageId,
    data: { rule: describeRule(rule), groups, targets: describeTargets(context.model, flows), zones: describeZones(flows) },
    address: rule.origin.address,
    origin: rule.origin,
    subjectId: rule.id,
    location: findingLocation(rule, flows),
    detail: `unverified:${flowDetail([], flows)}`,
    unknown: new Unknown('a group that the scanned code does not define', groups),
  });
}

/** Splits the flows of a rule into those from defined sources and those from undefined groups. */
export function splitExternal(group: RuleFlows): { known: RuleFlows; external: RuleFlows } {
  const external = group.flows.filter((flow) => flow.source.kind === 'external-group');
  const known = group.flows.filter((flow) => flow.source.kind !== 'external-group');
  return { known: { rule: group.rule, flows: known }, external: { rule: group.rule, flows: external } };
}
