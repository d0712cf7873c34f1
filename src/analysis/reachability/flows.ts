import { IpSet } from '../net/ip-set.ts';
import { PortSet } from '../net/port-set.ts';
import { protocolHasPorts } from '../net/protocol.ts';
import type { FirewallRule, FirewallSet, Host, Protocol } from '../../model/types.ts';
import { Unknown } from '../../model/unknown.ts';
import { evaluateAcl, ruleLocation, type Doubt, type RuleScope } from './acl.ts';
import { spaceOf, type ModelIndex } from './model-index.ts';
import { outsidePathTo } from './outside-path.ts';
import { peerSpace } from './peer-space.ts';
import type { ResolvedSource } from './sources.ts';
import type { ResolvedTarget } from './targets.ts';
import type { EvidenceStep, Flow, UnevaluatedRule } from './types.ts';

/**
 * Traffic that passes the ordered ACLs on the way: its ports, the ACL rules
 * that allow them, and earlier policy denies that may take some of them.
 */
interface Passage {
  ports: PortSet;
  evidence: EvidenceStep[];
  doubts: Doubt[];
}

/** The result of one allow rule for one source and one target. */
export interface FlowOutcome {
  /** The flow on the ports known to be open; absent when none are. */
  flow?: Flow;
  /** The ports that an earlier deny of unknown reach may or may not take, one entry per deny. */
  unevaluated: UnevaluatedRule[];
}

/**
 * Builds the flow that one allow rule admits from one source into one target.
 * It has no flow when ordered ACLs or earlier policy rules deny all of it.
 */
export function buildFlow(
  index: ModelIndex,
  set: FirewallSet,
  rule: FirewallRule,
  protocol: Protocol,
  ports: PortSet,
  source: ResolvedSource,
  target: ResolvedTarget,
  balancers: readonly Host[],
): FlowOutcome {
  const passage = passAcls(index, set, rule, protocol, ports, source, target);
  const doubts = passage.doubts
    .map((doubt) => ({ ...doubt, ports: doubt.ports.intersect(passage.ports) }))
    .filter((doubt) => !doubt.ports.isEmpty());
  const unevaluated = doubts.map((doubt) => doubtEntry(rule, doubt));
  const open = doubts.reduce((rest, doubt) => rest.subtract(doubt.ports), passage.ports);
  if (open.isEmpty()) return { unevaluated };
  const outside = source.source.kind === 'internet' || source.source.kind === 'outside';
  const path = outside
    ? outsidePathTo(index, target, source.space ?? IpSet.all(), balancers)
    : { status: 'unknown' as const, evidence: [] };
  const flow: Flow = {
    source: source.source,
    target: target.target,
    ruleId: rule.id,
    protocol,
    ports: protocolHasPorts(protocol) ? open.ranges() : [],
    outsidePath: path.status,
    evidence: [...path.evidence, ...passage.evidence, groupRuleStep(set, rule)],
    peers: source.peers,
  };
  if (target.zone !== undefined) flow.targetZone = target.zone;
  return { flow, unevaluated };
}

/** Reports the allow rule as not evaluated on the ports an earlier deny of unknown reach may take. */
function doubtEntry(rule: FirewallRule, doubt: Doubt): UnevaluatedRule {
  const reason = `not known, so the earlier deny rule ${doubt.rule.id} may block this traffic: ${doubt.unknown.reason}`;
  return {
    ruleId: rule.id,
    unknown: new Unknown(reason, doubt.unknown.origin),
    part: doubt.part,
    location: doubt.location,
    origin: rule.origin,
  };
}

function passAcls(
  index: ModelIndex,
  set: FirewallSet,
  rule: FirewallRule,
  protocol: Protocol,
  ports: PortSet,
  source: ResolvedSource,
  target: ResolvedTarget,
): Passage {
  const sourceSpace = source.space ?? IpSet.all();
  let passage: Passage = { ports: dimension(protocol, ports), evidence: [], doubts: [] };
  if (set.kind === 'ordered-policy') {
    const earlier = evaluateAcl(set, 'ingress', protocol, ports, sourceSpace, {
      only: rule,
      scope: (other) => ruleScope(index, other, target),
      peers: (other) => peerSpace(index, other.peers, other.setId),
    });
    passage = { ports: passage.ports.intersect(earlier.ports), evidence: [], doubts: earlier.doubts };
  }
  passage = intersect(passage, inboundAcls(index, protocol, passage.ports, sourceSpace, target));
  return intersect(passage, outboundAcls(index, protocol, passage.ports, target, source));
}

/** Inbound ACLs of the target's segments; the traffic passes if any segment lets it in. */
function inboundAcls(
  index: ModelIndex,
  protocol: Protocol,
  ports: PortSet,
  sourceSpace: IpSet,
  target: ResolvedTarget,
): AclPassage | undefined {
  return throughSegments(index, target.segments.map((segment) => segment.id), (acl) =>
    evaluateAcl(acl, 'ingress', protocol, ports, sourceSpace),
  );
}

/** Outbound ACLs of the source's segments, matched against the destination. */
function outboundAcls(
  index: ModelIndex,
  protocol: Protocol,
  ports: PortSet,
  target: ResolvedTarget,
  source: ResolvedSource,
): AclPassage | undefined {
  let destination: IpSet | undefined;
  return throughSegments(index, source.segments.map((segment) => segment.id), (acl) => {
    destination ??= targetSpace(index, target);
    return evaluateAcl(acl, 'egress', protocol, ports, destination);
  });
}

/**
 * Unions over segments what each segment's ACLs let through. Returns undefined
 * when no segment has an ACL, because then nothing is filtered.
 */
function throughSegments(
  index: ModelIndex,
  segmentIds: string[],
  evaluate: (acl: FirewallSet) => AclPassage,
): AclPassage | undefined {
  if (!segmentIds.some((id) => index.aclsBySegmentId.has(id))) return undefined;
  let union: AclPassage = { ports: PortSet.empty(), evidence: [] };
  for (const segmentId of segmentIds) {
    const acls = index.aclsBySegmentId.get(segmentId) ?? [];
    let through: AclPassage = { ports: PortSet.all(), evidence: [] };
    for (const acl of acls) through = intersect(through, evaluate(acl));
    union = { ports: union.ports.union(through.ports), evidence: [...union.evidence, ...through.evidence] };
  }
  return union;
}

/** What stateless ACLs let through, which never has doubts. */
type AclPassage = Omit<Passage, 'doubts'>;

function intersect<T extends AclPassage>(a: T, b: AclPassage | undefined): T {
  if (b === undefined) return a;
  return { ...a, ports: a.ports.intersect(b.ports), evidence: [...a.evidence, ...b.evidence] };
}

/** Addresses of a target: its own, else those its local peers narrowed it to, else those of its segments. */
function targetSpace(index: ModelIndex, target: ResolvedTarget): IpSet {
  const own = spaceOf(target.host?.addresses ?? []);
  if (!own.isEmpty()) return own;
  if (target.space !== undefined) return target.space;
  const segments = target.segments.reduce(
    (union, segment) => union.union(index.segmentSpaces.get(segment.id) ?? IpSet.empty()),
    IpSet.empty(),
  );
  return segments.isEmpty() ? IpSet.all() : segments;
}

/** Ports of a protocol without ports are "all", so ACL arithmetic treats them as a match. */
function dimension(protocol: Protocol, ports: PortSet): PortSet {
  return protocolHasPorts(protocol) ? ports : PortSet.all();
}

function groupRuleStep(set: FirewallSet, rule: FirewallRule): EvidenceStep {
  return {
    kind: 'group-rule',
    text: `${rule.direction} rule of ${set.name} allows it`,
    address: rule.origin.address,
    location: ruleLocation(rule),
  };
}

/**
 * Tells whether an earlier rule of an ordered policy binds the target, so that
 * it can take traffic away from a later rule. A rule binds only targets inside
 * its local addresses: a deny aimed at another destination, or at part of the
 * target's addresses, must not hide a later allow. A deny whose local
 * addresses are partly unknown may or may not bind, and an allow in that case
 * binds; both err towards reporting access.
 */
export function ruleScope(index: ModelIndex, rule: FirewallRule, target: ResolvedTarget): RuleScope {
  const local = rule.localPeers;
  if (local === undefined) return 'binds';
  const { space: localSpace, unresolved } = peerSpace(index, local, rule.setId);
  const space = targetSpace(index, target);
  if (rule.action === 'allow') return unresolved !== undefined || space.overlaps(localSpace) ? 'binds' : 'other-target';
  if (localSpace.contains(space)) return 'binds';
  if (unresolved === undefined) return 'other-target';
  return { unknown: unresolved.unknown, location: unresolved.peer.location ?? ruleLocation(rule) };
}

/**
 * True when an ordered policy's rule names local addresses that exclude the
 * host it would admit traffic into. A host whose addresses are not known, and
 * local peers whose addresses are not, keep the host.
 */
export function excludedByLocalPeers(index: ModelIndex, rule: FirewallRule, target: ResolvedTarget): boolean {
  const local = rule.localPeers;
  if (local === undefined || target.host === undefined) return false;
  const { space: localSpace, unresolved } = peerSpace(index, local, rule.setId);
  if (unresolved !== undefined) return false;
  const space = targetSpace(index, target);
  return !space.equals(IpSet.all()) && !space.overlaps(localSpace);
}
