import type { Origin } from '../../../src/model/location.ts';
import {
  emptyModel,
  type FirewallRule,
  type FirewallSet,
  type Host,
  type InfrastructureModel,
  type Peer,
  type PortRange,
  type Protocol,
  type RouteTable,
  type Segment,
  type ZoneKind,
} from '../../../src/model/types.ts';
import type { Known } from '../../../src/model/unknown.ts';

/** Builds small hand-written models for reachability tests. */
export class ModelBuilder {
  readonly model: InfrastructureModel = emptyModel();

  site(id: string, cidrs: string[]): this {
    this.model.sites.push({ id, name: id, cidrs, tags: {}, origin: origin(id) });
    return this;
  }

  segment(id: string, cidrs: string[], zone?: ZoneKind, extra: Partial<Segment> = {}): this {
    this.model.segments.push({
      id,
      name: id,
      siteId: 'vpc',
      cidrs,
      zone: zone === undefined ? { candidates: [] } : { zone, candidates: [{ zone, source: 'tag', evidence: `tag Zone = "${zone}"` }] },
      mapPublicIp: false,
      tags: {},
      origin: origin(id),
      ...extra,
    });
    return this;
  }

  group(id: string, zone?: ZoneKind, kind: FirewallSet['kind'] = 'stateful-group', segmentIds: string[] = []): this {
    const set: FirewallSet = { id, name: id, kind, segmentIds, rules: [], tags: {}, origin: origin(id) };
    if (zone !== undefined) set.zone = { zone, source: 'tag', evidence: `tag Zone = "${zone}"` };
    this.model.firewallSets.push(set);
    return this;
  }

  rule(setId: string, id: string, spec: RuleSpec): this {
    const set = this.model.firewallSets.find((candidate) => candidate.id === setId);
    if (set === undefined) throw new Error(`no set ${setId}`);
    const rule: FirewallRule = {
      id,
      setId,
      direction: spec.direction ?? 'ingress',
      action: spec.action ?? 'allow',
      protocol: spec.protocol,
      ports: spec.ports,
      peers: spec.peers,
      origin: origin(id),
      path: '',
    };
    if (spec.order !== undefined) rule.order = spec.order;
    if (spec.localPeers !== undefined) rule.localPeers = spec.localPeers;
    set.rules.push(rule);
    return this;
  }

  host(id: string, segmentIds: string[], firewallSetIds: string[], extra: Partial<Host> = {}): this {
    this.model.hosts.push({
      id,
      name: id,
      kind: 'instance',
      siteId: 'vpc',
      segmentIds,
      firewallSetIds,
      addresses: [],
      publicAddress: false,
      roles: [],
      services: [],
      sourceDestCheck: true,
      tags: {},
      origin: origin(id),
      ...extra,
    });
    return this;
  }

  routeTable(id: string, segmentIds: string[], routes: Array<[string, 'internet-gateway' | 'nat-gateway']>, main = false): this {
    const table: RouteTable = {
      id,
      siteId: 'vpc',
      segmentIds,
      main,
      routes: routes.map(([destination, kind]) => ({
        destination,
        target: { kind, id: `${kind}.main`, written: `${kind}.main.id` },
        origin: origin(id),
        path: `route[${destination}]`,
      })),
      origin: origin(id),
    };
    this.model.routeTables.push(table);
    return this;
  }

  targetGroup(id: string, port: number, targetHostIds: string[]): this {
    this.model.targetGroups.push({ id, protocol: 'HTTP', port, targetHostIds, origin: origin(id) });
    return this;
  }
}

export interface RuleSpec {
  protocol: Known<Protocol>;
  ports: Known<PortRange[]>;
  peers: Peer[];
  direction?: 'ingress' | 'egress';
  action?: 'allow' | 'deny';
  order?: number;
  /** Local addresses an ordered policy's rule applies to (its destination for inbound rules). */
  localPeers?: Peer[];
}

export function cidr(...cidrs: string[]): Peer[] {
  return cidrs.map((value) => ({ kind: 'cidr', cidr: value, written: value }));
}

export function ports(from: number, to = from): PortRange[] {
  return [{ from, to }];
}

export function origin(address: string): Origin {
  return { address, location: { file: '/scan/main.tf' }, attributes: {}, moduleCalls: [] };
}
