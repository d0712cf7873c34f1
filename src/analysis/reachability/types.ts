import type { Origin, SourceLocation } from '../../model/location.ts';
import type { Peer, PortRange, Protocol, ZoneKind } from '../../model/types.ts';
import type { Unknown } from '../../model/unknown.ts';

/**
 * Where a flow comes from. `internet` is public address space outside every
 * scanned site; `outside` is a narrower public range; `zone` is a set of
 * segments of one zone kind; `unclassified` is address space inside a site that
 * no zone claims; `external-group` is a security group the scanned code does not
 * define.
 */
export type FlowSource =
  | { kind: 'internet'; cidrs: string[] }
  | { kind: 'outside'; cidrs: string[] }
  | { kind: 'zone'; zone: ZoneKind; segmentIds: string[]; cidrs: string[] }
  | { kind: 'unclassified'; cidrs: string[] }
  | { kind: 'external-group'; written: string };

/**
 * Where a flow goes. A firewall set with no attached host is still a target: a
 * rule that admits the internet into a group matters before any host uses it.
 */
export type FlowTarget =
  | { kind: 'host'; hostId: string }
  | { kind: 'firewall-set'; setId: string };

/** One step of the answer to "why is this reachable?". */
export interface EvidenceStep {
  kind:
    | 'internet-gateway'
    | 'route'
    | 'public-address'
    | 'load-balancer'
    | 'listener'
    | 'acl-rule'
    | 'group-rule'
    | 'segment';
  /** A short sentence: `route 0.0.0.0/0 -> igw aws_internet_gateway.main`. */
  text: string;
  address: string;
  location: SourceLocation;
}

/** An allowed flow into one target through one firewall rule. */
export interface Flow {
  source: FlowSource;
  target: FlowTarget;
  /** The zone of the target, when known. */
  targetZone?: ZoneKind;
  /** The stateful or ordered rule that admits the flow at the target. */
  ruleId: string;
  protocol: Protocol;
  /** Ports still open after ordered ACLs; empty for protocols without ports. */
  ports: PortRange[];
  /**
   * For `internet` and `outside` sources: whether a network path from outside
   * exists (route to an internet gateway plus a public address or an
   * internet-facing load balancer). `unknown` when the code does not say.
   */
  outsidePath: 'open' | 'closed' | 'unknown';
  evidence: EvidenceStep[];
  /** The peers of the rule that make up `source`, so a finding can point at them. */
  peers?: Peer[];
  /** Set when the flow arrives through this internet-facing load balancer (a host id). */
  throughLoadBalancer?: string;
}

/** A rule, or part of one, whose effect could not be computed. */
export interface UnevaluatedRule {
  ruleId: string;
  unknown: Unknown;
  /** What could not be read: `source`, `ports`, `protocol`, `target`. */
  part: string;
  location: SourceLocation;
  origin: Origin;
}

/** Ports open from one zone (or the internet) to another, for the flow matrix. */
export interface MatrixCell {
  from: ZoneKind | 'internet' | 'outside' | 'unclassified';
  to: ZoneKind | 'unclassified';
  services: Array<{ protocol: Protocol; ports: PortRange[] }>;
  ruleIds: string[];
}

export interface Reachability {
  flows: Flow[];
  unevaluated: UnevaluatedRule[];
  matrix: MatrixCell[];
}
