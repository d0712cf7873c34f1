import { IpSet } from '../net/ip-set.ts';
import { PortSet } from '../net/port-set.ts';
import { protocolHasPorts, protocolsEqual } from '../net/protocol.ts';
import { locate, type SourceLocation } from '../../model/location.ts';
import type { FirewallRule, FirewallSet, PortRange, Protocol } from '../../model/types.ts';
import { isUnknown, type Unknown } from '../../model/unknown.ts';
import { cidrSpace, type PeerSpace } from './peer-space.ts';
import type { UnresolvedPeer } from './sources.ts';
import type { EvidenceStep } from './types.ts';

/** A part of the traffic not yet matched: addresses of the other end, and ports. */
interface Piece {
  space: IpSet;
  ports: PortSet;
}

export interface AclOutcome {
  /** Ports that some allow rule admits, doubtful ones included; for a protocol without ports, all ports. */
  ports: PortSet;
  evidence: EvidenceStep[];
  /** Earlier deny rules that may or may not take some of `ports`. */
  doubts: Doubt[];
}

/** An earlier deny rule that may or may not match, so the admitted ports it may take are not evaluated. */
export interface Doubt {
  rule: FirewallRule;
  /** `source` when the deny's peers have unknown addresses, `target` when its local peers do. */
  part: 'source' | 'target';
  unknown: Unknown;
  location: SourceLocation;
  /** The admitted ports the deny may take. */
  ports: PortSet;
}

/**
 * Whether a rule of an ordered policy applies to the traffic's target: it
 * does, it is aimed at other local addresses, or its local addresses are not
 * known (then the reason and where it is written).
 */
export type RuleScope = 'binds' | 'other-target' | { unknown: Unknown; location: SourceLocation };

export interface AclOptions {
  /** The rule whose admitted traffic is wanted, after the rules before it (an ordered policy). */
  only?: FirewallRule;
  /** Whether each earlier rule applies to the traffic's target; every rule does by default. */
  scope?: (rule: FirewallRule) => RuleScope;
  /** Addresses of each rule's peers; by default its CIDR peers, as stateless ACLs name no other. */
  peers?: (rule: FirewallRule) => PeerSpace;
}

/** Caps the pieces kept per ACL; beyond it, pieces with equal ports are merged. */
const MAX_PIECES = 32;

/**
 * Evaluates an ordered ACL for traffic of one protocol. Rules run in `order`
 * and the first match wins, so a deny before an allow removes its (address,
 * port) space. Traffic that no rule matches is denied, because ACLs end with
 * an implicit deny. `peerSpace` is the other end's addresses: the source for
 * inbound rules, the destination for outbound ones. With `options.only`, the
 * result is what that rule admits after the rules before it (an ordered
 * policy); that rule matches the whole `peerSpace`, because the traffic was
 * derived from its peers. A deny that may or may not match takes nothing but
 * becomes a doubt on the ports it may take.
 */
export function evaluateAcl(
  acl: FirewallSet,
  direction: 'ingress' | 'egress',
  protocol: Protocol,
  ports: PortSet,
  peerSpace: IpSet,
  options: AclOptions = {},
): AclOutcome {
  const only = options.only;
  const peersOf = options.peers ?? ((rule: FirewallRule) => cidrSpace(rule.peers));
  let pending: Piece[] = [{ space: peerSpace, ports: portDimension(protocol, ports) }];
  let allowed = PortSet.empty();
  const evidence: EvidenceStep[] = [];
  const doubts: Doubt[] = [];
  for (const rule of rulesBefore(orderedRules(acl, direction), only)) {
    if (pending.length === 0) break;
    const scope = rule === only ? 'binds' : (options.scope?.(rule) ?? 'binds');
    if (scope === 'other-target') continue;
    const match = ruleMatch(rule, protocol, rule === only ? { space: IpSet.all() } : peersOf(rule));
    if (match === undefined) continue;
    if (scope !== 'binds') {
      const space = match.unresolved === undefined ? match.space : IpSet.all();
      if (rule.action === 'deny') doubts.push({ rule, part: 'target', ...scope, ports: portsWithin(pending, space, match.ports) });
      continue;
    }
    const result = applyRule(pending, match);
    if (rule.action === 'allow' && (only === undefined || rule === only) && !result.matched.isEmpty()) {
      allowed = allowed.union(result.matched);
      evidence.push(aclStep(acl, rule));
    }
    if (match.consumes) pending = mergePieces(result.rest);
    if (match.unresolved !== undefined && rule.action === 'deny') {
      doubts.push(sourceDoubt(rule, match.unresolved, portsWithin(pending, IpSet.all(), match.ports)));
    }
  }
  return { ports: allowed, evidence, doubts: narrowDoubts(doubts, allowed) };
}

interface RuleMatch extends PeerSpace {
  ports: PortSet;
  /** False when the rule covers only part of an all-protocol flow, so traffic stays pending. */
  consumes: boolean;
}

/**
 * Returns how a rule matches traffic of `protocol`, or undefined when it
 * cannot. A rule of one protocol covers part of an all-protocol flow, so its
 * allow is counted while the rest stays pending. Its deny is ignored, which
 * errs on the side of reporting access.
 */
function ruleMatch(rule: FirewallRule, protocol: Protocol, peers: PeerSpace): RuleMatch | undefined {
  if (isUnknown(rule.protocol) || isUnknown(rule.ports)) return undefined;
  const ports = matchedPorts(rule.protocol, rule.ports, protocol);
  if (ports === undefined) return undefined;
  if (rule.protocol === 'all') return { ...peers, ports, consumes: true };
  if (protocol === 'all') return rule.action === 'allow' ? { ...peers, ports, consumes: false } : undefined;
  if (!protocolsEqual(rule.protocol, protocol)) return undefined;
  return { ...peers, ports, consumes: true };
}

/**
 * Returns the ports a rule matches in traffic of `protocol`. An all-protocols
 * rule matches its listed ports of tcp and udp, so an NSG rule with protocol
 * `*` and port 22 matches port 22 only. It matches a protocol without ports
 * only when the list is the whole range, as the AWS mapping of `-1` always
 * writes it. Undefined means no match.
 */
function matchedPorts(ruleProtocol: Protocol, rulePorts: PortRange[], protocol: Protocol): PortSet | undefined {
  const ports = PortSet.of(rulePorts);
  if (ruleProtocol !== 'all') return portDimension(ruleProtocol, ports);
  if (protocolHasPorts(protocol)) return ports;
  return ports.equals(PortSet.all()) ? PortSet.all() : undefined;
}

/** Ports of the pending traffic from `space` that `ports` covers. */
function portsWithin(pending: Piece[], space: IpSet, ports: PortSet): PortSet {
  let within = PortSet.empty();
  for (const piece of pending) {
    if (piece.space.overlaps(space)) within = within.union(piece.ports.intersect(ports));
  }
  return within;
}

/** Records a deny whose peers' addresses are partly unknown: it may take any pending traffic on its ports. */
function sourceDoubt(rule: FirewallRule, unresolved: UnresolvedPeer, ports: PortSet): Doubt {
  const location = unresolved.peer.location ?? ruleLocation(rule);
  return { rule, part: 'source', unknown: unresolved.unknown, location, ports };
}

/** Keeps the doubts on ports that a later allow admitted, narrowed to those ports. */
function narrowDoubts(doubts: Doubt[], allowed: PortSet): Doubt[] {
  return doubts
    .map((doubt) => ({ ...doubt, ports: doubt.ports.intersect(allowed) }))
    .filter((doubt) => !doubt.ports.isEmpty());
}

function applyRule(pending: Piece[], match: RuleMatch) {
  let matched = PortSet.empty();
  const rest: Piece[] = [];
  for (const piece of pending) {
    const space = piece.space.intersect(match.space);
    const ports = piece.ports.intersect(match.ports);
    if (space.isEmpty() || ports.isEmpty()) {
      rest.push(piece);
      continue;
    }
    matched = matched.union(ports);
    const outsideRule = piece.space.subtract(match.space);
    if (!outsideRule.isEmpty()) rest.push({ space: outsideRule, ports: piece.ports });
    const otherPorts = piece.ports.subtract(match.ports);
    if (!otherPorts.isEmpty()) rest.push({ space, ports: otherPorts });
  }
  return { matched, rest };
}

/** Protocols without ports match on the protocol alone, so their port dimension is everything. */
function portDimension(protocol: Protocol, ports: PortSet): PortSet {
  return protocolHasPorts(protocol) ? ports : PortSet.all();
}

function mergePieces(pieces: Piece[]): Piece[] {
  if (pieces.length <= MAX_PIECES) return pieces;
  const byPorts = new Map<string, Piece>();
  for (const piece of pieces) {
    const key = piece.ports.toString();
    const known = byPorts.get(key);
    byPorts.set(key, known ? { space: known.space.union(piece.space), ports: piece.ports } : piece);
  }
  return [...byPorts.values()];
}

function orderedRules(acl: FirewallSet, direction: 'ingress' | 'egress'): FirewallRule[] {
  const rules = acl.rules.filter((rule) => rule.direction === direction);
  return rules.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
}

export function ruleLocation(rule: FirewallRule): SourceLocation {
  return locate(rule.origin, rule.path || undefined);
}

/** Returns the rules up to and including `last`, or all of them. */
function rulesBefore(rules: FirewallRule[], last: FirewallRule | undefined): FirewallRule[] {
  if (last === undefined) return rules;
  const position = rules.indexOf(last);
  return position === -1 ? [last] : rules.slice(0, position + 1);
}

function aclStep(acl: FirewallSet, rule: FirewallRule): EvidenceStep {
  const where = rule.order === undefined ? '' : ` rule ${rule.order}`;
  return {
    kind: 'acl-rule',
    text: `${rule.direction === 'ingress' ? 'inbound' : 'outbound'} ACL ${acl.name}${where} allows`,
    address: rule.origin.address,
    location: ruleLocation(rule),
  };
}
