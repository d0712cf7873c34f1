import { parseCidr } from '../../analysis/net/address.ts';
import { parsePortSpec } from '../../analysis/net/port-set.ts';
import type { LoadedDesign, DesignServer, DesignSite, DesignZone } from '../../loaders/design/types.ts';
import { locate } from '../location.ts';
import type { Host, InfrastructureModel, Segment, Service, Site, Volume, ZoneKind } from '../types.ts';
import { zoneFromWord } from '../zones/aliases.ts';
import { designProblem } from './problems.ts';
import { suppressionTags } from './suppressions.ts';

/** A design zone after mapping: its segment and the site key it belongs to. */
export interface MappedZone {
  siteKey: string;
  zoneKey: string;
  kind: ZoneKind;
  segment: Segment;
}

/** Lookups the policy mapping needs: zones and servers by site key. */
export interface DesignNetwork {
  zones: Map<string, MappedZone>;
  servers: Map<string, Host>;
}

export const siteId = (siteKey: string): string => `sites.${siteKey}`;
export const zoneKeyOf = (siteKey: string, zoneKey: string): string => `${siteKey}.${zoneKey}`;

/** Maps sites, zones (as segments), servers (as hosts) and their storage (as volumes). */
export function mapNetwork(design: LoadedDesign, model: InfrastructureModel): DesignNetwork {
  const network: DesignNetwork = { zones: new Map(), servers: new Map() };
  for (const [siteKey, site] of Object.entries(design.document.sites)) {
    const zones = Object.entries(site.zones).flatMap(([zoneKey, zone]) =>
      mapZone(design, model, siteKey, zoneKey, zone),
    );
    zones.forEach((zone) => network.zones.set(zoneKeyOf(siteKey, zone.zoneKey), zone));
    model.segments.push(...zones.map((zone) => zone.segment));
    model.sites.push(mapSite(design, model, siteKey, site, zones));
    for (const [serverKey, server] of Object.entries(site.servers ?? {})) {
      const host = mapServer(design, model, network, siteKey, serverKey, server);
      if (host) network.servers.set(`${zoneKeyOf(siteKey, server.zone)}/${serverKey}`, host);
    }
  }
  return network;
}

function mapSite(
  design: LoadedDesign,
  model: InfrastructureModel,
  siteKey: string,
  site: DesignSite,
  zones: MappedZone[],
): Site {
  const origin = design.originOf(['sites', siteKey]);
  const written = site.cidrs?.map((cidr, index) => canonicalCidr(model, cidr, locate(origin, `cidrs[${index}]`)));
  const cidrs = written ?? zones.flatMap((zone) => zone.segment.cidrs);
  const tags: Record<string, string> = suppressionTags(site.suppressions);
  if (site.role) tags['role'] = site.role;
  if (site.profile) tags['profile'] = site.profile;
  return { id: siteId(siteKey), name: site.name ?? siteKey, cidrs: unique(cidrs.flatMap((c) => c ?? [])), tags, origin };
}

function mapZone(
  design: LoadedDesign,
  model: InfrastructureModel,
  siteKey: string,
  zoneKey: string,
  zone: DesignZone,
): MappedZone[] {
  const origin = design.originOf(['sites', siteKey, 'zones', zoneKey]);
  const kind = zone.kind ?? zoneFromWord(zoneKey);
  if (kind === undefined) {
    model.diagnostics.push(
      designProblem(origin.location, `Zone ${zoneKey} of site ${siteKey} has no \`kind\`, and its key names no zone kind.`, 'Add `kind:` with one of dmz, internet-access, internal, management, user-wired, user-wireless, partner.'),
    );
    return [];
  }
  const cidrs = zone.cidrs.flatMap((cidr, index) => canonicalCidr(model, cidr, locate(origin, `cidrs[${index}]`)) ?? []);
  const evidence = zone.kind ? `design kind ${zone.kind}` : `design zone key ${zoneKey}`;
  const segment: Segment = {
    id: origin.address,
    name: zone.name ?? zoneKey,
    siteId: siteId(siteKey),
    cidrs,
    zone: { zone: kind, candidates: [{ zone: kind, source: 'design', evidence }] },
    mapPublicIp: false,
    tags: { ...(zone.vlans ? { vlans: zone.vlans.join(',') } : {}), ...suppressionTags(zone.suppressions) },
    origin,
  };
  return [{ siteKey, zoneKey, kind, segment }];
}

function mapServer(
  design: LoadedDesign,
  model: InfrastructureModel,
  network: DesignNetwork,
  siteKey: string,
  serverKey: string,
  server: DesignServer,
): Host | undefined {
  const origin = design.originOf(['sites', siteKey, 'servers', serverKey]);
  const zone = network.zones.get(zoneKeyOf(siteKey, server.zone));
  if (zone === undefined) {
    model.diagnostics.push(designProblem(locate(origin, 'zone'), `Server ${serverKey} names zone ${server.zone}, which site ${siteKey} does not define.`, 'Use a zone key from the site\'s `zones`.'));
    return undefined;
  }
  const address = server.address === undefined ? undefined : canonicalCidr(model, server.address, locate(origin, 'address'));
  const host: Host = {
    id: origin.address,
    name: serverKey,
    kind: 'instance',
    siteId: siteId(siteKey),
    segmentIds: [zone.segment.id],
    firewallSetIds: [],
    addresses: address ? [address] : [],
    publicAddress: false,
    roles: (server.roles ?? []).map((role) => ({ role, source: 'design', evidence: `design role ${role}` })),
    services: mapServices(model, server, origin),
    sourceDestCheck: true,
    tags: { ...(server.environment ? { environment: server.environment } : {}), ...suppressionTags(server.suppressions) },
    origin,
  };
  model.hosts.push(host);
  model.volumes.push(...mapStorage(design, host, siteKey, serverKey, server));
  return host;
}

function mapServices(model: InfrastructureModel, server: DesignServer, origin: Host['origin']): Service[] {
  return (server.services ?? []).flatMap((service, index) => {
    const parsed = parsePortSpec(service.ports === 'any' ? '*' : service.ports);
    if (!parsed.ok) {
      model.diagnostics.push(designProblem(locate(origin, `services[${index}].ports`), parsed.error, 'Write a port, a range `a-b` or a list of them.'));
      return [];
    }
    return [{ name: service.name, protocol: service.protocol, ports: parsed.ranges, source: 'design' as const }];
  });
}

function mapStorage(design: LoadedDesign, host: Host, siteKey: string, serverKey: string, server: DesignServer): Volume[] {
  return (server.storage ?? []).map((storage, index) => {
    const origin = design.originOf(['sites', siteKey, 'servers', serverKey, 'storage', index]);
    const volume: Volume = { id: origin.address, hostId: host.id, tags: {}, origin, path: '' };
    if (storage.sizeGb !== undefined) volume.sizeGb = storage.sizeGb;
    if (storage.raid !== undefined) {
      volume.raid = { level: String(storage.raid), location: locate(origin, 'raid') };
      if (storage.disks !== undefined) volume.raid.disks = storage.disks;
    }
    return volume;
  });
}

/** Canonical CIDR of a design value, or undefined with a diagnostic at its line. */
export function canonicalCidr(
  model: InfrastructureModel,
  written: string,
  location: ReturnType<typeof locate>,
): string | undefined {
  const parsed = parseCidr(written);
  if (parsed.ok) return parsed.canonical;
  model.diagnostics.push({
    ...designProblem(location, `${parsed.error}.`, 'Write an IPv4 or IPv6 prefix such as 10.10.1.0/24.'),
    code: 'invalid-cidr',
  });
  return undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
