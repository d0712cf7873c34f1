import type { Flow, FlowSource } from '../../../analysis/reachability/types.ts';
import { locate, type SourceLocation } from '../../../model/location.ts';
import type { FirewallRule, InfrastructureModel, Peer } from '../../../model/types.ts';
import { formatTraffic, type Traffic } from './services.ts';

/** The flows admitted by one firewall rule, with the rule itself. */
export interface RuleFlows {
  rule: FirewallRule;
  flows: Flow[];
}

/** Firewall rules of the model by id. */
export function firewallRulesById(model: InfrastructureModel): Map<string, FirewallRule> {
  const rules = new Map<string, FirewallRule>();
  for (const set of model.firewallSets) {
    for (const rule of set.rules) rules.set(rule.id, rule);
  }
  return rules;
}

/**
 * Groups flows by the rule that admits them, so each rule gets at most one
 * finding per zoneguard rule. Flows through a load balancer are left out
 * unless `throughBalancers` is set, because the balancer is what receives
 * the outside traffic.
 */
export function flowsByRule(
  model: InfrastructureModel,
  flows: readonly Flow[],
  keep: (flow: Flow) => boolean,
  throughBalancers = false,
): RuleFlows[] {
  const rules = firewallRulesById(model);
  const grouped = new Map<string, RuleFlows>();
  for (const flow of flows) {
    if (!throughBalancers && flow.throughLoadBalancer !== undefined) continue;
    if (!keep(flow)) continue;
    const rule = rules.get(flow.ruleId);
    if (rule === undefined) continue;
    const entry = grouped.get(rule.id);
    if (entry === undefined) grouped.set(rule.id, { rule, flows: [flow] });
    else entry.flows.push(flow);
  }
  return [...grouped.values()];
}

/** Names a rule: `aws_security_group.web ingress[1]`, or the address of a rule that is its own resource. */
export function describeRule(rule: FirewallRule): string {
  return rule.path === '' ? rule.origin.address : `${rule.origin.address} ${rule.path}`;
}

/**
 * Picks where a flow finding points: the peer that lets the offending sources in
 * when the rule has several peers and one of them decides, else the rule's
 * block (or resource).
 */
export function findingLocation(rule: FirewallRule, flows: readonly Flow[]): SourceLocation {
  const peers = uniquePeers(flows);
  const located = peers.filter((peer) => peer.location !== undefined);
  if (located.length > 0 && (rule.peers.length > 1 || peers.length === 1)) {
    return located[0]!.location!;
  }
  return locate(rule.origin, rule.path || undefined);
}

function uniquePeers(flows: readonly Flow[]): Peer[] {
  return [...new Set(flows.flatMap((flow) => flow.peers ?? []))];
}

/**
 * Describes where flows come from: each written CIDR once, with
 * its zone when all of it lies in one zone, and each group with its zones.
 */
export function describeSources(flows: readonly Flow[]): string {
  const zonesByLabel = new Map<string, Set<string>>();
  for (const flow of flows) {
    for (const label of writtenLabels(flow)) {
      const zones = zonesByLabel.get(label) ?? new Set<string>();
      zonesByLabel.set(label, zones.add(zoneName(flow.source)));
    }
  }
  return [...zonesByLabel].map(([label, zones]) => withZone(label, zones)).join(', ');
}

function withZone(label: string, zones: Set<string>): string {
  const [zone] = zones;
  if (zones.size !== 1 || zone === undefined || label === zone) return label;
  if (zone === 'the internet' || zone === 'outside networks' || label.startsWith('group ')) return label;
  return `${label} (${zone})`;
}

/** Lists what the rule wrote for a flow's source: CIDRs, group names, or the zone when nothing is written. */
function writtenLabels(flow: Flow): string[] {
  const labels = (flow.peers ?? []).flatMap((peer) => {
    if (peer.kind === 'cidr') return [peer.cidr];
    if (peer.kind === 'tag') return [`service tag ${peer.tag}`];
    if (peer.kind === 'group') return [peer.written];
    if (peer.kind === 'self') return ['the group itself'];
    return [];
  });
  if (flow.source.kind === 'external-group') return [`group ${flow.source.written}`];
  return labels.length > 0 ? labels : [zoneName(flow.source)];
}

/** `the internet`, `the management zone`, `unclassified space`. */
export function zoneName(source: FlowSource): string {
  switch (source.kind) {
    case 'zone':
      return `${source.zone} zone`;
    case 'internet':
      return 'the internet';
    case 'outside':
      return 'outside networks';
    case 'unclassified':
      return 'unclassified space';
    case 'external-group':
      return `group ${source.written}`;
  }
}

/** Names the hosts or groups the flows go to, by address. */
export function describeTargets(model: InfrastructureModel, flows: readonly Flow[]): string {
  const names = new Set<string>();
  for (const flow of flows) {
    const id = flow.target.kind === 'host' ? flow.target.hostId : flow.target.setId;
    names.add(id);
  }
  const hosts = [...names];
  return hosts.length > 3 ? `${hosts.slice(0, 3).join(', ')} and ${hosts.length - 3} more` : hosts.join(', ');
}

/** Target zones of flows, `unknown` for a flow whose target zone is not known. */
export function describeZones(flows: readonly Flow[]): string {
  return [...new Set(flows.map((flow) => flow.targetZone ?? 'unknown'))].join(', ');
}

/** Stable detail for fingerprints: `tcp:22,3389:0.0.0.0/0`, without line numbers. */
export function flowDetail(traffic: readonly Traffic[], flows: readonly Flow[]): string {
  const parts = traffic.map((item) => formatTraffic(item).replace(/ /g, ':').replace(/,:/g, ','));
  const sources = [...new Set(flows.flatMap(sourceKey))].sort();
  return `${parts.join('|')}:${sources.join(',')}`;
}

function sourceKey(flow: Flow): string[] {
  const source = flow.source;
  if (source.kind === 'external-group') return [source.written];
  if (source.kind === 'zone') return [`zone-${source.zone}`];
  const cidrs = (flow.peers ?? []).flatMap((peer) => (peer.kind === 'cidr' ? [peer.cidr] : []));
  return cidrs.length > 0 ? cidrs : [source.kind];
}

/** Evidence of all flows, without repeating a step. */
export function flowEvidence(flows: readonly Flow[]): Flow['evidence'] {
  const seen = new Set<string>();
  return flows.flatMap((flow) => flow.evidence).filter((step) => {
    const key = `${step.kind}|${step.address}|${step.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isFromOutside(flow: Flow): boolean {
  return flow.source.kind === 'internet' || flow.source.kind === 'outside';
}
