import type { Flow } from '../../analysis/reachability/types.ts';
import { PortSet } from '../../analysis/net/port-set.ts';
import type { Host, InfrastructureModel, Segment, ZoneKind } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { describeRule, findingLocation, flowDetail, flowEvidence, flowsByRule } from './support/flow-findings.ts';
import { trafficOf } from './support/services.ts';
import { reportUnevaluated } from './support/unevaluated.ts';

/**
 * Access between zones is controlled by a firewall: no rule allows every
 * protocol and port from one zone into another, and no pair of zones in a
 * site is left without a rule set because one zone's hosts carry none.
 */
export default defineRule({
  id: 'zone-firewall-between',
  check(context) {
    checkAllowAll(context);
    checkUncontrolled(context);
    reportUnevaluated(context, (entry) => entry.part === 'ports' || entry.part === 'protocol');
  },
});

function isAllowAllBetweenZones(flow: Flow): boolean {
  if (flow.source.kind !== 'zone' || flow.targetZone === undefined) return false;
  if (flow.source.zone === flow.targetZone || flow.protocol !== 'all') return false;
  return PortSet.of(flow.ports).equals(PortSet.all());
}

function checkAllowAll(context: RuleContext): void {
  for (const { rule, flows } of flowsByRule(context.model, context.reachability.flows, isAllowAllBetweenZones)) {
    const pairs = [...new Set(flows.map((flow) => `${sourceZone(flow)} -> ${flow.targetZone}`))];
    context.report({
      status: 'fail',
      messageId: 'allow-all',
      data: { rule: describeRule(rule), pairs: pairs.join(', ') },
      address: rule.origin.address,
      origin: rule.origin,
      subjectId: rule.id,
      location: findingLocation(rule, flows),
      detail: `allow-all:${flowDetail([trafficOf('all', flows[0]?.ports ?? [])], flows)}`,
      evidence: flowEvidence(flows),
    });
  }
}

function sourceZone(flow: Flow): string {
  return flow.source.kind === 'zone' ? flow.source.zone : flow.source.kind;
}

/** Host kinds a firewall rule set must protect; load balancers without groups forward only their listeners. */
const PROTECTED_KINDS = new Set<Host['kind']>(['instance', 'launch-template', 'autoscaling-group', 'database']);

/**
 * Reports segments whose hosts carry no group at all and which have no ACL.
 * Such a segment leaves every pair of its zone with the other zones of its
 * site uncontrolled.
 */
function checkUncontrolled(context: RuleContext): void {
  const { model } = context;
  const zonesBySite = zonesWithHosts(model);
  const hostsBySegment = protectedHostsBySegment(model);
  const controlledSegments = new Set(
    model.firewallSets.filter((set) => set.kind !== 'stateful-group').flatMap((set) => set.segmentIds),
  );
  for (const segment of model.segments) {
    const zone = segment.zone.zone;
    if (zone === undefined || controlledSegments.has(segment.id)) continue;
    const hosts = hostsBySegment.get(segment.id) ?? [];
    if (hosts.length === 0 || hosts.some((host) => host.firewallSetIds.length > 0)) continue;
    const others = [...(zonesBySite.get(segment.siteId ?? '') ?? [])].filter((other) => other !== zone);
    if (others.length === 0) continue;
    reportUncontrolled(context, segment, zone, hosts, others);
  }
}

function reportUncontrolled(context: RuleContext, segment: Segment, zone: ZoneKind, hosts: Host[], others: ZoneKind[]): void {
  context.report({
    status: 'fail',
    messageId: 'uncontrolled-pair',
    data: {
      segment: segment.id,
      zone,
      hosts: hosts.map((host) => host.id).join(', '),
      zones: others.join(', '),
    },
    address: segment.id,
    origin: segment.origin,
    detail: `uncontrolled:${zone}:${[...others].sort().join(',')}`,
    related: hosts.map((host) => ({ location: host.origin.location, message: `${host.id} carries no security group.` })),
  });
}

function protectedHostsBySegment(model: InfrastructureModel): Map<string, Host[]> {
  const bySegment = new Map<string, Host[]>();
  for (const host of model.hosts) {
    if (!PROTECTED_KINDS.has(host.kind)) continue;
    for (const segmentId of new Set(host.segmentIds)) bySegment.set(segmentId, [...(bySegment.get(segmentId) ?? []), host]);
  }
  return bySegment;
}

/** Zones that hold at least one host, per site id ('' for segments without a site). */
function zonesWithHosts(model: InfrastructureModel): Map<string, Set<ZoneKind>> {
  const segments = new Map(model.segments.map((segment) => [segment.id, segment]));
  const zones = new Map<string, Set<ZoneKind>>();
  for (const host of model.hosts) {
    for (const segmentId of host.segmentIds) {
      const segment = segments.get(segmentId);
      const zone = segment?.zone.zone;
      if (segment === undefined || zone === undefined) continue;
      const site = segment.siteId ?? '';
      zones.set(site, (zones.get(site) ?? new Set()).add(zone));
    }
  }
  return zones;
}
