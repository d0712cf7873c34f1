import type { Diagnostic } from '../diagnostics.ts';
import type { Evidence } from './evidence.ts';
import type { Origin, SourceLocation } from './location.ts';
import type { Known, Unknown } from './unknown.ts';

/** The zone kinds of the regulation's network zoning (Article 9.2.a). */
export const ZONE_KINDS = [
  'dmz',
  'internet-access',
  'internal',
  'management',
  'user-wired',
  'user-wireless',
  'partner',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** The source of a zone classification, so findings that rest on a guess can name it. */
export type ClassificationSource = 'tag' | 'config' | 'name' | 'design' | 'group-tag';

export interface ZoneCandidate {
  zone: ZoneKind;
  source: ClassificationSource;
  /** The evidence that decided it: `tag Zone = "mgmt"`, `name 'public'`, `config cidr 10.0.0.0/16`. */
  evidence: string;
}

/**
 * The zone of a segment. `zone` is set when exactly one zone was found at the
 * strongest source present; `candidates` lists everything found, so a segment
 * with two zones or none is visible to the `zone-unclassified` rule.
 */
export interface ZoneAssignment {
  zone?: ZoneKind;
  candidates: ZoneCandidate[];
  /** Zone tags whose value names no zone kind, kept so that a misspelt tag is reported as such. */
  unknownTags?: UnknownZoneTag[];
}

/** A zone tag whose value is neither a zone kind nor an alias, such as `Zone = "intrenal"`. */
export interface UnknownZoneTag {
  key: string;
  value: string;
  /** `tag Zone = "intrenal" (not a zone kind)`. */
  evidence: string;
}

/** The set of zone kinds a site must have. */
export type SiteProfile = 'datacenter' | 'portal';

/** A network that must be zoned: a VPC, VNet, VPC network, or a design-file site. */
export interface Site {
  id: string;
  name: string;
  /** Canonical CIDR strings. */
  cidrs: string[];
  tags: Record<string, string>;
  origin: Origin;
}

/** A subnet, VLAN or port group. */
export interface Segment {
  id: string;
  name: string;
  /** The site it belongs to; absent when the network could not be resolved. */
  siteId?: string;
  /** Canonical CIDR strings (IPv4 and IPv6). Empty when unknown. */
  cidrs: string[];
  /** True when the CIDR could not be evaluated. */
  cidrUnknown?: Unknown;
  zone: ZoneAssignment;
  /** True when instances launched here get a public address by default. */
  mapPublicIp: Known<boolean>;
  tags: Record<string, string>;
  origin: Origin;
}

/** A protocol after normalisation: `-1`, `all` and `ALL` are `all`; 6 is `tcp`. */
export type Protocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | { number: number };

/** An inclusive port range, 0..65535. */
export interface PortRange {
  from: number;
  to: number;
}

/**
 * The other end of a firewall rule: the source of an ingress rule or the
 * destination of an egress rule.
 */
export type Peer =
  | { kind: 'cidr'; cidr: string; written: string; location?: SourceLocation }
  | { kind: 'group'; groupId: string; written: string; location?: SourceLocation }
  /** A group id that the scanned code does not define: its zone is unknown. */
  | { kind: 'external-group'; written: string; location?: SourceLocation }
  | { kind: 'self'; location?: SourceLocation }
  /** A named set of addresses (Azure service tag `Internet`, a prefix list). */
  | { kind: 'tag'; tag: string; cidrs?: string[]; location?: SourceLocation }
  | { kind: 'unknown'; unknown: Unknown; location?: SourceLocation };

export interface FirewallRule {
  id: string;
  /** The firewall set (group, ACL, NSG, policy) the rule belongs to. */
  setId: string;
  direction: 'ingress' | 'egress';
  action: 'allow' | 'deny';
  /** Evaluation order for ordered sets (ACL rule number, NSG priority); lower first. */
  order?: number;
  protocol: Known<Protocol>;
  /**
   * Ports for tcp and udp, and for `all` the whole range. Empty for protocols
   * without ports (icmp, gre). Unknown when the port expression could not be read.
   */
  ports: Known<PortRange[]>;
  peers: Peer[];
  /**
   * For ordered sets that also name the local end (NSG destination prefix,
   * firewall policy destination): the addresses the rule applies to. Absent means
   * everything the set protects.
   */
  localPeers?: Peer[];
  description?: string;
  origin: Origin;
  /**
   * Attribute path of the rule inside `origin` (`ingress[0]` for an inline block);
   * empty for a rule that is a resource of its own.
   */
  path: string;
}

/**
 * A set of firewall rules. Stateful groups (security groups) allow return
 * traffic and have no order; stateless ordered sets (network ACLs) are
 * evaluated rule by rule and the first match wins. NSGs and appliance policies
 * are stateful and ordered.
 */
export interface FirewallSet {
  id: string;
  name: string;
  kind: 'stateful-group' | 'stateless-acl' | 'ordered-policy';
  siteId?: string;
  /** Segments the set applies to (ACL and NSG associations). */
  segmentIds: string[];
  /** A zone written on the set itself (a `Zone` tag on a security group). */
  zone?: ZoneCandidate;
  rules: FirewallRule[];
  tags: Record<string, string>;
  origin: Origin;
}

export type RouteTargetKind =
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'nat-gateway'
  | 'instance'
  | 'network-interface'
  | 'vpn-gateway'
  | 'transit-gateway'
  | 'peering'
  | 'local'
  | 'other';

export interface Route {
  /** Canonical destination CIDR. */
  destination: Known<string>;
  target: { kind: RouteTargetKind; id?: string; written: string };
  origin: Origin;
  path: string;
}

export interface RouteTable {
  id: string;
  siteId?: string;
  segmentIds: string[];
  /** The main route table of its site applies to segments with no association. */
  main: boolean;
  routes: Route[];
  origin: Origin;
}

export interface Gateway {
  id: string;
  kind: 'internet' | 'egress-only-internet' | 'nat' | 'vpn' | 'transit' | 'peering';
  siteId?: string;
  /** For a NAT gateway: the segment it sits in. */
  segmentId?: string;
  /** For a NAT gateway: true when it has a public address. */
  public?: boolean;
  origin: Origin;
}

/** A service a host declares (tag, design file) or runs (database engine, listener). */
export interface Service {
  name: string;
  protocol: 'tcp' | 'udp';
  ports: PortRange[];
  source: 'tag' | 'design' | 'engine' | 'listener' | 'user-data';
}

export type HostKind =
  | 'instance'
  | 'launch-template'
  | 'autoscaling-group'
  | 'database'
  | 'load-balancer';

/** A tier or role of a host, with where it came from. */
export interface HostRole {
  role: string;
  source: 'tag' | 'name' | 'engine' | 'user-data' | 'design' | 'load-balancer-target';
  evidence: string;
}

export interface LoadBalancerInfo {
  internetFacing: Known<boolean>;
  listeners: Array<{ protocol: string; port: number; origin: Origin; path: string }>;
  targetGroupIds: string[];
}

export interface DatabaseInfo {
  engine?: string;
  port?: number;
  publiclyAccessible: Known<boolean>;
  /** The source of `publicly_accessible`: the attribute, or the provider default. */
  publiclyAccessibleSource: 'attribute' | 'default';
  subnetGroupId?: string;
}

/** Anything that has an address in a segment: instances, databases, load balancers. */
export interface Host {
  id: string;
  name: string;
  kind: HostKind;
  siteId?: string;
  segmentIds: string[];
  /** Set when the segment could not be resolved (a computed subnet id). */
  segmentUnknown?: Unknown;
  firewallSetIds: string[];
  /** Private addresses written in code, canonical. */
  addresses: string[];
  /** True when the host has a public address (EIP, associate_public_ip_address). */
  publicAddress: Known<boolean>;
  roles: HostRole[];
  services: Service[];
  userData?: string;
  /** False when the host forwards traffic that is not its own (NAT, firewall appliance). */
  sourceDestCheck: Known<boolean>;
  /** Instance counts of an autoscaling group or the count of a resource. */
  capacity?: { min: Known<number>; max: Known<number> };
  loadBalancer?: LoadBalancerInfo;
  database?: DatabaseInfo;
  /** Hosts made from this one (an autoscaling group's launch template). */
  templateId?: string;
  tags: Record<string, string>;
  origin: Origin;
}

export interface TargetGroup {
  id: string;
  protocol: string;
  port?: number;
  targetHostIds: string[];
  origin: Origin;
}

/** RAID evidence for a host or volume. */
export interface RaidEvidence {
  level: Known<string>;
  disks?: Known<number>;
  location?: SourceLocation;
}

export interface Volume {
  id: string;
  hostId?: string;
  sizeGb?: Known<number>;
  raid?: RaidEvidence;
  tags: Record<string, string>;
  origin: Origin;
  /** Path inside origin for a block device written inside an instance. */
  path: string;
}

/**
 * A literal credential written in code. `value` is the raw text and must never
 * reach any output; rules and reporters use `mask()` from the engine.
 */
export interface Credential {
  id: string;
  subjectId: string;
  attribute: string;
  value: string;
  /** The user name written beside the password (`username`, `master_username`), when literal. */
  userName?: string;
  location: SourceLocation;
  origin: Origin;
}

/** One model of everything the scanned inputs build, independent of provider. */
export interface InfrastructureModel {
  sites: Site[];
  segments: Segment[];
  hosts: Host[];
  firewallSets: FirewallSet[];
  routeTables: RouteTable[];
  gateways: Gateway[];
  targetGroups: TargetGroup[];
  volumes: Volume[];
  credentials: Credential[];
  diagnostics: Diagnostic[];
  /** Organisational and facility facts; absent when no input gave any. */
  evidence?: Evidence;
  /**
   * Managed content filters: network firewalls and DNS firewalls. Absent when
   * no provider maps any.
   */
  contentFilters?: ContentFilter[];
}

/**
 * A managed service that filters traffic or names on its way to the Internet:
 * a network firewall with endpoints in segments, or a DNS firewall attached to
 * a whole site. Proxy hosts are hosts with the role `proxy` instead.
 */
export interface ContentFilter {
  id: string;
  kind: 'network-firewall' | 'dns-firewall';
  siteId?: string;
  /** Segments the filter has endpoints in; empty for a DNS firewall. */
  segmentIds: string[];
  origin: Origin;
}

export function emptyModel(): InfrastructureModel {
  return {
    sites: [],
    segments: [],
    hosts: [],
    firewallSets: [],
    routeTables: [],
    gateways: [],
    targetGroups: [],
    volumes: [],
    credentials: [],
    diagnostics: [],
  };
}
