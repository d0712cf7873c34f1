import createDebug from 'debug';
import { PortSet } from '../net/port-set.ts';
import { locate } from '../../model/location.ts';
import type { FirewallRule, FirewallSet, InfrastructureModel } from '../../model/types.ts';
import { isUnknown, type Unknown } from '../../model/unknown.ts';
import { excludedByLocalPeers, buildFlow } from './flows.ts';
import { balancersByTarget, loadBalancerFlows } from './load-balancers.ts';
import { buildMatrix } from './matrix.ts';
import { indexModel, type ModelIndex } from './model-index.ts';
import { resolvePeers, SourceCache } from './sources.ts';
import { targetsOf, type ResolvedTarget } from './targets.ts';
import type { Flow, Reachability, UnevaluatedRule } from './types.ts';

export type * from './types.ts';

const debug = createDebug('zoneguard:analysis:reachability');

export interface ReachabilityOptions {
  /** Add flows from the internet through internet-facing load balancers; on by default. */
  loadBalancers?: boolean;
}

/**
 * Computes every flow that the model's allow rules admit into hosts (and into
 * groups no host carries yet), the rules whose effect cannot be known, and
 * the zone-to-zone matrix.
 */
export function computeReachability(
  model: InfrastructureModel,
  options: ReachabilityOptions = {},
): Reachability {
  const index = indexModel(model);
  const state: ScanState = {
    index,
    cache: new SourceCache(),
    balancers: balancersByTarget(index),
    targets: new Map(),
    flows: [],
    unevaluated: [],
  };
  for (const set of model.firewallSets) {
    if (set.kind === 'stateless-acl') continue;
    for (const rule of set.rules) {
      if (rule.direction === 'ingress' && rule.action === 'allow') admitRule(state, set, rule);
    }
  }
  const flows = state.flows;
  if (options.loadBalancers !== false) flows.push(...loadBalancerFlows(index, flows));
  debug('%d flows, %d rules not evaluated', flows.length, state.unevaluated.length);
  return { flows, unevaluated: state.unevaluated, matrix: buildMatrix(flows) };
}

interface ScanState {
  index: ModelIndex;
  cache: SourceCache;
  balancers: Map<string, ModelIndex['model']['hosts']>;
  targets: Map<string, ResolvedTarget[]>;
  flows: Flow[];
  unevaluated: UnevaluatedRule[];
}

/** Adds the flows of one allow rule: one per (source, target) pair that stays open. */
function admitRule(state: ScanState, set: FirewallSet, rule: FirewallRule): void {
  if (isUnknown(rule.protocol)) return unevaluated(state, rule, rule.protocol, 'protocol');
  if (isUnknown(rule.ports)) return unevaluated(state, rule, rule.ports, 'ports');
  const protocol = rule.protocol;
  const ports = PortSet.of(rule.ports);
  const { sources, unresolved } = resolvePeers(state.index, rule, state.cache);
  for (const { peer, unknown } of unresolved) {
    unevaluated(state, rule, unknown, 'source', peer.location);
  }
  const targets = targetsFor(state, set);
  for (const target of targets) {
    if (set.kind === 'ordered-policy' && excludedByLocalPeers(state.index, rule, target)) continue;
    const hostId = target.target.kind === 'host' ? target.target.hostId : '';
    const balancers = state.balancers.get(hostId) ?? [];
    for (const source of sources) {
      const flow = buildFlow(state.index, set, rule, protocol, ports, source, target, balancers);
      if (flow !== undefined) state.flows.push(flow);
    }
  }
}

function targetsFor(state: ScanState, set: FirewallSet): ResolvedTarget[] {
  let targets = state.targets.get(set.id);
  if (targets === undefined) state.targets.set(set.id, (targets = targetsOf(state.index, set)));
  return targets;
}

function unevaluated(
  state: ScanState,
  rule: FirewallRule,
  unknown: Unknown,
  part: string,
  location = locate(rule.origin, rule.path || undefined),
): void {
  state.unevaluated.push({ ruleId: rule.id, unknown, part, location, origin: rule.origin });
}
