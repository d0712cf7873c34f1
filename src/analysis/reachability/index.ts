import createDebug from 'debug';
import { PortSet } from '../net/port-set.ts';
import { locate } from '../../model/location.ts';
import type { FirewallRule, FirewallSet, InfrastructureModel, Peer } from '../../model/types.ts';
import { isUnknown, type Unknown } from '../../model/unknown.ts';
import { excludedByLocalPeers, buildFlow } from './flows.ts';
import { balancersByTarget, loadBalancerFlows } from './load-balancers.ts';
import { buildMatrix } from './matrix.ts';
import { indexModel, type ModelIndex } from './model-index.ts';
import { targetSiteId } from './site-scope.ts';
import { resolvePeers, SourceCache, type ResolvedSource } from './sources.ts';
import { localTargets, targetsOf, type ResolvedTarget } from './targets.ts';
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
    localTargets: new Map(),
    flows: [],
    unevaluated: [],
    unevaluatedKeys: new Set(),
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
  /** A set target narrowed by each list of local peers; many rules of a policy share one list. */
  localTargets: Map<ResolvedTarget, WeakMap<readonly Peer[], ResolvedTarget[]>>;
  flows: Flow[];
  unevaluated: UnevaluatedRule[];
  /** Keys of the entries `buildFlow` added, because one doubtful deny recurs for every source and target of an allow. */
  unevaluatedKeys: Set<string>;
}

/** Adds the flows of one allow rule: one per (source, target) pair that stays open. */
function admitRule(state: ScanState, set: FirewallSet, rule: FirewallRule): void {
  if (isUnknown(rule.protocol)) return unevaluated(state, rule, rule.protocol, 'protocol');
  if (isUnknown(rule.ports)) return unevaluated(state, rule, rule.ports, 'ports');
  const protocol = rule.protocol;
  const ports = PortSet.of(rule.ports);
  const { unresolved } = resolvePeers(state.index, rule, state.cache, set.siteId);
  for (const { peer, unknown } of unresolved) {
    unevaluated(state, rule, unknown, 'source', peer.location);
  }
  // Address peers split among the segments of the target's site and the sites joined to it.
  const sourcesBySite = new Map<string | undefined, ResolvedSource[]>();
  for (const target of targetsFor(state, set, rule)) {
    if (set.kind === 'ordered-policy' && excludedByLocalPeers(state.index, rule, target)) continue;
    const hostId = target.target.kind === 'host' ? target.target.hostId : '';
    const balancers = state.balancers.get(hostId) ?? [];
    const siteId = targetSiteId(set, target.host);
    let sources = sourcesBySite.get(siteId);
    if (sources === undefined) {
      sourcesBySite.set(siteId, (sources = resolvePeers(state.index, rule, state.cache, siteId).sources));
    }
    for (const source of sources) {
      const outcome = buildFlow(state.index, set, rule, protocol, ports, source, target, balancers);
      if (outcome.flow !== undefined) state.flows.push(outcome.flow);
      for (const entry of outcome.unevaluated) addUnevaluated(state, entry);
    }
  }
}

/** Lists the targets of a set for one rule; an ordered policy's own target is narrowed to the rule's local peers. */
function targetsFor(state: ScanState, set: FirewallSet, rule: FirewallRule): ResolvedTarget[] {
  let targets = state.targets.get(set.id);
  if (targets === undefined) state.targets.set(set.id, (targets = targetsOf(state.index, set)));
  const local = rule.localPeers;
  if (set.kind !== 'ordered-policy' || local === undefined) return targets;
  return targets.flatMap((target) => {
    let byPeers = state.localTargets.get(target);
    if (byPeers === undefined) state.localTargets.set(target, (byPeers = new WeakMap()));
    let narrowed = byPeers.get(local);
    if (narrowed === undefined) byPeers.set(local, (narrowed = localTargets(state.index, rule, target)));
    return narrowed;
  });
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

/** Adds an entry of `buildFlow` once, however many sources and targets repeat it. */
function addUnevaluated(state: ScanState, entry: UnevaluatedRule): void {
  const { ruleId, part, location, unknown } = entry;
  const start = location.range === undefined ? '' : `${location.range.startLine}:${location.range.startColumn}`;
  const key = [ruleId, part, location.file, start, unknown.origin, unknown.reason].join('\0');
  if (state.unevaluatedKeys.has(key)) return;
  state.unevaluatedKeys.add(key);
  state.unevaluated.push(entry);
}
