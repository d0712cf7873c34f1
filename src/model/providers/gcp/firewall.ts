import { PortSet } from '../../../analysis/net/port-set.ts';
import { protocolHasPorts, protocolsEqual } from '../../../analysis/net/protocol.ts';
import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import { isUnknown } from '../../unknown.ts';
import type { SourceLocation } from '../../location.ts';
import type { FirewallRule, FirewallSet, Peer } from '../../types.ts';
import { bool, elements, knownStr, nested, num, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { findOrAddSet } from '../implicit.ts';
import type { ResourceMapper } from '../registry.ts';
import { cidrPeer } from '../rule-parts.ts';
import { readService, selectorPeer } from './firewall-rules.ts';
import { resolveName } from './names.ts';

/**
 * Google firewall rules. Each `google_compute_firewall` is a set of its own,
 * whose `allow` and `deny` blocks are its rules. The network evaluates all its
 * firewalls by priority, so a set also gets the network's deny rules that come
 * first and cover its targets, and becomes an ordered set in which they shadow
 * its allow rules.
 */

/** What a firewall applies to: its network and target selectors. */
export interface FirewallScope {
  set: FirewallSet;
  networkId?: string;
  direction: 'ingress' | 'egress';
  priority: number;
  targetTags: string[];
  targetAccounts: string[];
}

export const FIREWALL_SCOPES = 'gcp-firewall-scopes';

/** Priority Google uses when none is written. */
const DEFAULT_PRIORITY = 1000;

function mapFirewall(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  // A disabled firewall has no effect on traffic.
  if (bool(body, 'disabled') === true) return;
  const direction = knownStr(body, 'direction')?.toUpperCase() === 'EGRESS' ? 'egress' : 'ingress';
  const priorityValue = num(body, 'priority');
  const priority = typeof priorityValue === 'number' ? priorityValue : DEFAULT_PRIORITY;
  const set: FirewallSet = {
    id: instance.address,
    name: knownStr(body, 'name') ?? instance.name,
    // Ordered only once a deny of the network shadows it: the analysis evaluates
    // ordered sets on addresses alone, which would drop tag and account sources.
    kind: 'stateful-group',
    segmentIds: [],
    rules: [],
    tags: {},
    origin: origin(instance),
  };
  const ends = readEnds(body, direction, context, instance.address);
  for (const action of ['allow', 'deny'] as const) {
    for (const block of nested(body, action)) {
      const service = readService(block.body, block.location, context, `${instance.address} ${block.path}`);
      const rule: FirewallRule = {
        id: `${instance.address}/${block.path}`,
        setId: set.id,
        direction,
        action,
        order: priority,
        ...service,
        peers: ends.peers,
        origin: set.origin,
        path: block.path,
      };
      if (ends.localPeers.length > 0) rule.localPeers = ends.localPeers;
      const description = knownStr(body, 'description');
      if (description !== undefined) rule.description = description;
      set.rules.push(rule);
    }
  }
  context.model.firewallSets.push(set);
  recordScope(set, body, direction, priority, context);
}

/** The remote end of the rules (sources of ingress) and the local end. */
function readEnds(body: EvaluatedBody, direction: 'ingress' | 'egress', context: MappingContext, subject: string) {
  const ranges = (name: string): Peer[] => elements(body, name).map((element) => cidrPeer(element, context, subject));
  const selectors: Peer[] = [
    ...elements(body, 'source_tags').flatMap((element) => (typeof element.value === 'string' ? [selectorPeer('tag', element.value, element.location)] : [])),
    ...elements(body, 'source_service_accounts').flatMap((element) =>
      typeof element.value === 'string' ? [selectorPeer('service-account', element.value, element.location)] : [],
    ),
  ];
  if (direction === 'ingress') return { peers: [...ranges('source_ranges'), ...selectors], localPeers: ranges('destination_ranges') };
  return { peers: ranges('destination_ranges'), localPeers: ranges('source_ranges') };
}

function recordScope(
  set: FirewallSet,
  body: EvaluatedBody,
  direction: 'ingress' | 'egress',
  priority: number,
  context: MappingContext,
): void {
  const texts = (name: string): string[] => elements(body, name).flatMap((element) => (typeof element.value === 'string' ? [element.value] : []));
  const scope: FirewallScope = { set, direction, priority, targetTags: texts('target_tags'), targetAccounts: texts('target_service_accounts') };
  context.lookup<FirewallScope>(FIREWALL_SCOPES).set(set.id, scope);
  const network = elements(body, 'network')[0];
  context.afterMapping('attach', () => {
    const networkId = resolveName('network', network, context);
    if (networkId !== undefined) scope.networkId = networkId;
    if (networkId !== undefined) set.siteId = networkId;
    for (const rule of set.rules) addSelectorSets(rule.peers, set.origin.location, context);
  });
  queueShadowing(context);
}

/** Adds the group that each tag or service-account peer names, so instances can carry it. */
function addSelectorSets(peers: readonly Peer[], firewall: SourceLocation, context: MappingContext): void {
  for (const peer of peers) {
    if (peer.kind !== 'group') continue;
    const set = findOrAddSet(peer.groupId, 'stateful-group', peer.location ?? firewall, context);
    set.name = peer.written;
  }
}

/** True when every instance `scope` targets is also targeted by `other`. */
export function covers(other: FirewallScope, scope: FirewallScope): boolean {
  if (other.networkId !== scope.networkId) return false;
  if (other.targetTags.length === 0 && other.targetAccounts.length === 0) return true;
  if (scope.targetTags.length === 0 && scope.targetAccounts.length === 0) return false;
  return scope.targetTags.every((tag) => other.targetTags.includes(tag)) &&
    scope.targetAccounts.every((account) => other.targetAccounts.includes(account));
}

/**
 * Copies each deny rule into the sets it shadows: same network and direction,
 * a priority not after theirs (a deny wins a tie), and targets that cover theirs.
 */
function queueShadowing(context: MappingContext): void {
  const queued = context.lookup<boolean>('gcp-shadowing');
  if (queued.has('queued')) return;
  queued.set('queued', true);
  context.afterMapping('derive', () => {
    const scopes = [...context.lookup<FirewallScope>(FIREWALL_SCOPES).values()];
    for (const scope of scopes) {
      for (const other of scopes) {
        if (other === scope || other.direction !== scope.direction || other.priority > scope.priority) continue;
        if (!covers(other, scope)) continue;
        const denies = other.set.rules.filter((rule) => rule.action === 'deny' && shadowsAny(rule, scope.set.rules));
        if (denies.length === 0) continue;
        scope.set.kind = 'ordered-policy';
        scope.set.rules.push(...denies.map((rule) => ({ ...rule, order: other.priority - 0.5 })));
      }
    }
  });
}

/** True when a deny can match traffic of one of the allow rules: same protocol (or all) and shared ports. */
function shadowsAny(deny: FirewallRule, rules: readonly FirewallRule[]): boolean {
  const protocol = deny.protocol;
  if (isUnknown(protocol) || isUnknown(deny.ports)) return false;
  const denied = PortSet.of(deny.ports);
  return rules.some((rule) => {
    if (rule.action !== 'allow' || isUnknown(rule.protocol) || isUnknown(rule.ports)) return false;
    if (protocol === 'all' || rule.protocol === 'all') return true;
    if (!protocolsEqual(protocol, rule.protocol)) return false;
    return !protocolHasPorts(rule.protocol) || !denied.intersect(PortSet.of(rule.ports)).isEmpty();
  });
}

export const firewallMappers: Record<string, ResourceMapper> = {
  google_compute_firewall: mapFirewall,
};
