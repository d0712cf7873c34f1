import { PortSet } from '../net/port-set.ts';
import { locate } from '../../model/location.ts';
import type { FirewallRule, Host } from '../../model/types.ts';
import { isUnknown } from '../../model/unknown.ts';
import { appendTo, spaceOf, type ModelIndex } from './model-index.ts';
import { balancerSteps } from './outside-path.ts';
import { hostTargets } from './targets.ts';
import type { EvidenceStep, Flow } from './types.ts';

/** Internet-facing load balancers by the ids of the hosts they forward to. */
export function balancersByTarget(index: ModelIndex): Map<string, Host[]> {
  const byTarget = new Map<string, Host[]>();
  for (const balancer of internetFacing(index)) {
    for (const group of targetGroupsOf(index, balancer)) {
      for (const hostId of group.targetHostIds) appendTo(byTarget, hostId, balancer);
    }
  }
  return byTarget;
}

/**
 * Flows from the internet through each internet-facing load balancer: the
 * balancer's groups admit the internet on a listener port, and the target
 * host's groups admit the balancer on the target group's port.
 */
export function loadBalancerFlows(index: ModelIndex, direct: readonly Flow[]): Flow[] {
  const flows: Flow[] = [];
  const internetFlows = internetFlowsByHost(direct);
  for (const balancer of internetFacing(index)) {
    const entry = internetEntry(balancer, internetFlows.get(balancer.id) ?? []);
    if (entry === undefined) continue;
    for (const group of targetGroupsOf(index, balancer)) {
      if (group.port === undefined) continue;
      for (const hostId of group.targetHostIds) {
        const host = index.hostsById.get(hostId);
        if (host === undefined) continue;
        flows.push(...forwardedFlows(index, balancer, entry, host, group.port));
      }
    }
  }
  return flows;
}

function forwardedFlows(index: ModelIndex, balancer: Host, entry: Entry, host: Host, port: number): Flow[] {
  const rule = admittingRule(index, host, balancer, port);
  if (rule === null) return [];
  const ruleStep: EvidenceStep[] = rule === undefined ? [] : [targetRuleStep(rule, port)];
  const ruleId = rule?.id ?? entry.ruleId;
  return hostTargets(index, host).map((target) => {
    const flow: Flow = {
      source: { kind: 'internet', cidrs: entry.cidrs },
      target: target.target,
      ruleId,
      protocol: 'tcp',
      ports: [{ from: port, to: port }],
      outsidePath: 'open',
      evidence: [...balancerSteps(balancer), ...entry.evidence, ...ruleStep],
      throughLoadBalancer: balancer.id,
    };
    if (target.zone !== undefined) flow.targetZone = target.zone;
    return flow;
  });
}

interface Entry {
  ruleId: string;
  cidrs: string[];
  evidence: EvidenceStep[];
}

/**
 * The direct flows from the internet to each host, in their order. Looking a
 * balancer's flows up here, instead of searching every flow for every
 * balancer, keeps the analysis linear in the size of the estate.
 */
function internetFlowsByHost(direct: readonly Flow[]): Map<string, Flow[]> {
  const byHost = new Map<string, Flow[]>();
  for (const flow of direct) {
    if (flow.target.kind === 'host' && flow.source.kind === 'internet') appendTo(byHost, flow.target.hostId, flow);
  }
  return byHost;
}

/**
 * Finds how the internet gets into the balancer: one of its internet flows
 * (`internetFlowsByHost`) on a listener port, or no groups at all.
 */
function internetEntry(balancer: Host, direct: readonly Flow[]): Entry | undefined {
  const listeners = PortSet.of(
    (balancer.loadBalancer?.listeners ?? []).map((listener) => ({ from: listener.port, to: listener.port })),
  );
  if (balancer.firewallSetIds.length === 0) {
    return { ruleId: balancer.id, cidrs: ['0.0.0.0/0', '::/0'], evidence: [] };
  }
  const flow = direct.find(
    (candidate) =>
      candidate.target.kind === 'host' &&
      candidate.target.hostId === balancer.id &&
      candidate.source.kind === 'internet' &&
      !PortSet.of(candidate.ports).intersect(listeners).isEmpty(),
  );
  if (flow === undefined || flow.source.kind !== 'internet') return undefined;
  const evidence = flow.evidence.filter((step) => step.kind === 'group-rule' || step.kind === 'acl-rule');
  return { ruleId: flow.ruleId, cidrs: flow.source.cidrs, evidence };
}

/**
 * Finds the host's rule that admits the balancer on `port`: a rule naming one
 * of the balancer's groups, or a CIDR that overlaps the balancer's segments.
 * Returns undefined when the host has no group (nothing filters), and null
 * when no rule admits the balancer.
 */
function admittingRule(index: ModelIndex, host: Host, balancer: Host, port: number): FirewallRule | undefined | null {
  if (host.firewallSetIds.length === 0) return undefined;
  const balancerSpace = spaceOf(
    balancer.segmentIds.flatMap((id) => index.segmentsById.get(id)?.cidrs ?? []),
  );
  for (const setId of host.firewallSetIds) {
    for (const rule of index.setsById.get(setId)?.rules ?? []) {
      if (rule.direction !== 'ingress' || rule.action !== 'allow') continue;
      if (!coversTcpPort(rule, port)) continue;
      const admits = rule.peers.some(
        (peer) =>
          (peer.kind === 'group' && balancer.firewallSetIds.includes(peer.groupId)) ||
          (peer.kind === 'self' && balancer.firewallSetIds.includes(rule.setId)) ||
          (peer.kind === 'cidr' && spaceOf([peer.cidr]).overlaps(balancerSpace)),
      );
      if (admits) return rule;
    }
  }
  return null;
}

function coversTcpPort(rule: FirewallRule, port: number): boolean {
  if (isUnknown(rule.protocol) || isUnknown(rule.ports)) return false;
  if (rule.protocol !== 'tcp' && rule.protocol !== 'all') return false;
  return PortSet.of(rule.ports).has(port);
}

function internetFacing(index: ModelIndex): Host[] {
  return index.model.hosts.filter((host) => host.loadBalancer?.internetFacing === true);
}

function targetGroupsOf(index: ModelIndex, balancer: Host) {
  return (balancer.loadBalancer?.targetGroupIds ?? []).flatMap((id) => index.targetGroupsById.get(id) ?? []);
}

function targetRuleStep(rule: FirewallRule, port: number): EvidenceStep {
  return {
    kind: 'group-rule',
    text: `${rule.origin.address} admits the load balancer on tcp ${port}`,
    address: rule.origin.address,
    location: locate(rule.origin, rule.path || undefined),
  };
}
