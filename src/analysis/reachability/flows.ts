import { IpSet } from '../net/ip-set.ts';
import { PortSet } from '../net/port-set.ts';
import { protocolHasPorts } from '../net/protocol.ts';
import { locate } from '../../model/location.ts';
import type { FirewallRule, FirewallSet, Host, Protocol } from '../../model/types.ts';
import { evaluateAcl } from './acl.ts';
import { spaceOf, type ModelIndex } from './model-index.ts';
import { outsidePathTo } from './outside-path.ts';
import type { ResolvedSource } from './sources.ts';
import type { ResolvedTarget } from './targets.ts';
import type { EvidenceStep, Flow } from './types.ts';

/** Traffic that passes the ordered ACLs on the way: its ports and the ACL rules that allow them. */
interface Passage {
  ports: PortSet;
  evidence: EvidenceStep[];
}

/**
 * Builds the flow that one allow rule admits from one source into one target,
 * or undefined when ordered ACLs or earlier policy rules deny all of it.
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
): Flow | undefined {
  const passage = passAcls(index, set, rule, protocol, ports, source, target);
  if (passage.ports.isEmpty()) return undefined;
  const outside = source.source.kind === 'internet' || source.source.kind === 'outside';
  const path = outside
    ? outsidePathTo(index, target, source.space ?? IpSet.all(), balancers)
    : { status: 'unknown' as const, evidence: [] };
  const flow: Flow = {
    source: source.source,
    target: target.target,
    ruleId: rule.id,
    protocol,
    ports: protocolHasPorts(protocol) ? passage.ports.ranges() : [],
    outsidePath: path.status,
    evidence: [...path.evidence, ...passage.evidence, groupRuleStep(set, rule)],
    peers: source.peers,
  };
  if (target.zone !== undefined) flow.targetZone = target.zone;
  return flow;
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
  let passage: Passage = { ports: dimension(protocol, ports), evidence: [] };
  if (set.kind === 'ordered-policy') {
    const applies = (earlier: FirewallRule) => bindsTarget(index, earlier, target);
    const earlier = evaluateAcl(set, 'ingress', protocol, ports, sourceSpace, rule, applies);
    passage = { ports: passage.ports.intersect(earlier.ports), evidence: [] };
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
): Passage | undefined {
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
): Passage | undefined {
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
  evaluate: (acl: FirewallSet) => Passage,
): Passage | undefined {
  if (!segmentIds.some((id) => index.aclsBySegmentId.has(id))) return undefined;
  let union: Passage = { ports: PortSet.empty(), evidence: [] };
  for (const segmentId of segmentIds) {
    const acls = index.aclsBySegmentId.get(segmentId) ?? [];
    let through: Passage = { ports: PortSet.all(), evidence: [] };
    for (const acl of acls) through = intersect(through, evaluate(acl));
    union = { ports: union.ports.union(through.ports), evidence: [...union.evidence, ...through.evidence] };
  }
  return union;
}

function intersect(a: Passage, b: Passage | undefined): Passage {
  if (b === undefined) return a;
  return { ports: a.ports.intersect(b.ports), evidence: [...a.evidence, ...b.evidence] };
}

/** Addresses of a target: its own, else those of its segments. */
function targetSpace(index: ModelIndex, target: ResolvedTarget): IpSet {
  const own = spaceOf(target.host?.addresses ?? []);
  if (!own.isEmpty()) return own;
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
    location: locate(rule.origin, rule.path || undefined),
  };
}

/**
 * True when an earlier rule of an ordered policy binds the target, so that it
 * can take traffic away from a later rule. A rule binds only targets inside
 * its local addresses: a deny aimed at another destination must not hide a
 * later allow. Where that cannot be told (no local addresses written that are
 * CIDRs, or a target whose addresses are not known), a deny is left out and an
 * allow kept, both of which err towards reporting access.
 */
export function bindsTarget(index: ModelIndex, rule: FirewallRule, target: ResolvedTarget): boolean {
  const local = rule.localPeers;
  if (local === undefined) return true;
  const space = targetSpace(index, target);
  if (local.some((peer) => peer.kind !== 'cidr') || space.equals(IpSet.all())) return rule.action === 'allow';
  const localSpace = spaceOf(local.flatMap((peer) => (peer.kind === 'cidr' ? [peer.cidr] : [])));
  return rule.action === 'allow' ? space.overlaps(localSpace) : localSpace.contains(space);
}

/**
 * True when an ordered policy's rule names local addresses that exclude the
 * target. A target whose addresses are not known is kept.
 */
export function excludedByLocalPeers(index: ModelIndex, rule: FirewallRule, target: ResolvedTarget): boolean {
  const local = rule.localPeers;
  if (local === undefined || local.some((peer) => peer.kind !== 'cidr') || target.host === undefined) {
    return false;
  }
  const localSpace = spaceOf(local.flatMap((peer) => (peer.kind === 'cidr' ? [peer.cidr] : [])));
  const space = targetSpace(index, target);
  return !space.equals(IpSet.all()) && !space.overlaps(localSpace);
}
