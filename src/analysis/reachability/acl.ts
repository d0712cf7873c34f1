import { IpSet } from '../net/ip-set.ts';
import { PortSet } from '../net/port-set.ts';
import { protocolHasPorts, protocolsEqual } from '../net/protocol.ts';
import { locate } from '../../model/location.ts';
import type { FirewallRule, FirewallSet, Protocol } from '../../model/types.ts';
import { isUnknown } from '../../model/unknown.ts';
import { spaceOf } from './model-index.ts';
import type { EvidenceStep } from './types.ts';

/** A part of the traffic not yet matched: addresses of the other end, and ports. */
interface Piece {
  space: IpSet;
  ports: PortSet;
}

export interface AclOutcome {
  /** Ports that some allow rule admits; for a protocol without ports, all ports. */
  ports: PortSet;
  evidence: EvidenceStep[];
}

/** Caps the pieces kept per ACL; beyond it, pieces with equal ports are merged. */
const MAX_PIECES = 32;

/**
 * Evaluates an ordered stateless ACL for traffic of one protocol. Rules run in
 * `order` and the first match wins, so a deny before an allow removes its
 * (address, port) space. Traffic that no rule matches is denied, because ACLs
 * end with an implicit deny. `peerSpace` is the other end's addresses: the
 * source for inbound rules, the destination for outbound ones. With `only`,
 * the result is what that rule admits after the rules before it (an ordered policy).
 * `applies` leaves out rules that do not bind the traffic's target (an ordered
 * policy's rule aimed at other local addresses).
 */
export function evaluateAcl(
  acl: FirewallSet,
  direction: 'ingress' | 'egress',
  protocol: Protocol,
  ports: PortSet,
  peerSpace: IpSet,
  only?: FirewallRule,
  applies: (rule: FirewallRule) => boolean = () => true,
): AclOutcome {
  const rules = rulesBefore(orderedRules(acl, direction), only).filter((rule) => rule === only || applies(rule));
  let pending: Piece[] = [{ space: peerSpace, ports: portDimension(protocol, ports) }];
  let allowed = PortSet.empty();
  const evidence: EvidenceStep[] = [];
  for (const rule of rules) {
    if (pending.length === 0) break;
    const match = ruleMatch(rule, protocol);
    if (match === undefined) continue;
    const result = applyRule(pending, match);
    const counted = only === undefined || rule === only;
    if (rule.action === 'allow' && counted && !result.matched.isEmpty()) {
      allowed = allowed.union(result.matched);
      evidence.push(aclStep(acl, rule));
    }
    if (match.consumes) pending = mergePieces(result.rest);
  }
  return { ports: allowed, evidence };
}

interface RuleMatch {
  space: IpSet;
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
function ruleMatch(rule: FirewallRule, protocol: Protocol): RuleMatch | undefined {
  if (isUnknown(rule.protocol) || isUnknown(rule.ports)) return undefined;
  const space = spaceOf(rule.peers.flatMap((peer) => (peer.kind === 'cidr' ? [peer.cidr] : [])));
  const ports = portDimension(rule.protocol, PortSet.of(rule.ports));
  if (rule.protocol === 'all') return { space, ports: PortSet.all(), consumes: true };
  if (protocol === 'all') return rule.action === 'allow' ? { space, ports, consumes: false } : undefined;
  if (!protocolsEqual(rule.protocol, protocol)) return undefined;
  return { space, ports, consumes: true };
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
    location: locate(rule.origin, rule.path || undefined),
  };
}
