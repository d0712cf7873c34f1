import { IpSet } from '../../analysis/net/ip-set.ts';
import { publicSpace } from '../../analysis/net/well-known.ts';
import type { SourceLocation } from '../location.ts';
import type { InfrastructureModel, Peer } from '../types.ts';
import { canonicalCidr, zoneKeyOf, type DesignNetwork, type MappedZone } from './network.ts';
import { designProblem } from './problems.ts';

/** Where a policy rule's end resolves to: zones of a scanned site, or addresses outside them. */
export interface ResolvedEnd {
  /** Zones the end lies in, with the addresses inside each (absent: the whole zone). */
  zones: Array<{ zone: MappedZone; peers?: Peer[] }>;
  /** Peers for the source side, or for an outside destination. */
  peers: Peer[];
  /** True when the end is (or includes) addresses outside every design zone. */
  outside: boolean;
}

const PUBLIC_CIDRS = publicSpace().toCidrs();

/**
 * Resolves one written end of a policy rule: `internet`, `any`, a zone key of
 * the site, `site.zone` of another site, `zone/server`, or a CIDR. An end that
 * names nothing known becomes a diagnostic and resolves to nothing.
 */
export function resolveEnd(
  written: string,
  siteKey: string,
  network: DesignNetwork,
  model: InfrastructureModel,
  location: SourceLocation,
): ResolvedEnd {
  const text = written.trim();
  if (text === 'internet') {
    const peers = PUBLIC_CIDRS.map((cidr): Peer => ({ kind: 'cidr', cidr, written: 'internet', location }));
    return { zones: [], peers, outside: true };
  }
  if (text === 'any') return anyEnd(siteKey, network, location);
  const [zonePart, serverKey] = text.split('/', 2) as [string, string | undefined];
  const zone = network.zones.get(zonePart.includes('.') ? zonePart : zoneKeyOf(siteKey, zonePart));
  if (zone && serverKey !== undefined) return serverEnd(zone, serverKey, network, model, location);
  if (zone) return { zones: [{ zone }], peers: zonePeers(zone, text, location), outside: false };
  return cidrEnd(text, network, model, location);
}

function anyEnd(siteKey: string, network: DesignNetwork, location: SourceLocation): ResolvedEnd {
  const zones = [...network.zones.values()].filter((zone) => zone.siteKey === siteKey);
  const peers = ['0.0.0.0/0', '::/0'].map((cidr): Peer => ({ kind: 'cidr', cidr, written: 'any', location }));
  return { zones: zones.map((zone) => ({ zone })), peers, outside: true };
}

function serverEnd(
  zone: MappedZone,
  serverKey: string,
  network: DesignNetwork,
  model: InfrastructureModel,
  location: SourceLocation,
): ResolvedEnd {
  const host = network.servers.get(`${zoneKeyOf(zone.siteKey, zone.zoneKey)}/${serverKey}`);
  if (host === undefined || host.addresses.length === 0) {
    const why = host === undefined ? 'is not a server of that zone' : 'has no `address`';
    model.diagnostics.push(
      designProblem(location, `Policy end ${zone.zoneKey}/${serverKey}: ${serverKey} ${why}.`, 'Name a server of the zone and give it an `address`.'),
    );
    return { zones: [], peers: [], outside: false };
  }
  const peers = host.addresses.map((cidr): Peer => ({ kind: 'cidr', cidr, written: `${zone.zoneKey}/${serverKey}`, location }));
  return { zones: [{ zone, peers }], peers, outside: false };
}

function cidrEnd(text: string, network: DesignNetwork, model: InfrastructureModel, location: SourceLocation): ResolvedEnd {
  if (!/[0-9a-f:.]+(\/\d+)?$/i.test(text) || !/[.:]/.test(text)) {
    model.diagnostics.push(
      designProblem(location, `Policy end \`${text}\` is not internet, any, a zone of the design, zone/server or a CIDR.`, 'Use a zone key, `site.zone`, `zone/server`, `internet`, `any` or a CIDR.'),
    );
    return { zones: [], peers: [], outside: false };
  }
  const cidr = canonicalCidr(model, text, location);
  if (cidr === undefined) return { zones: [], peers: [], outside: false };
  const peer: Peer = { kind: 'cidr', cidr, written: text, location };
  const zones = [...network.zones.values()].filter((zone) => zone.segment.cidrs.some((own) => overlaps(own, cidr)));
  const inside = zones.some((zone) => zone.segment.cidrs.some((own) => contains(own, cidr)));
  return { zones: zones.map((zone) => ({ zone, peers: [peer] })), peers: [peer], outside: !inside };
}

function zonePeers(zone: MappedZone, written: string, location: SourceLocation): Peer[] {
  return zone.segment.cidrs.map((cidr): Peer => ({ kind: 'cidr', cidr, written, location }));
}

function overlaps(a: string, b: string): boolean {
  return IpSet.fromCidrs([a]).overlaps(IpSet.fromCidrs([b]));
}

function contains(outer: string, inner: string): boolean {
  return IpSet.fromCidrs([outer]).contains(IpSet.fromCidrs([inner]));
}
