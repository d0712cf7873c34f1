import { PortSet } from '../../../analysis/net/port-set.ts';
import { normalizeProtocol, protocolHasPorts, protocolLabel } from '../../../analysis/net/protocol.ts';
import type { PortRange, Protocol } from '../../../model/types.ts';
import type { RuleMeta } from '../../types.ts';

/**
 * A named service of a port list parameter, as written in the pack:
 * `{ name: ssh, protocol: tcp, ports: "22" }`. Protocols without ports
 * (icmp, gre) have an empty port set and match on the protocol alone.
 */
export interface NamedService {
  name: string;
  protocol: Protocol;
  ports: PortSet;
}

/** Reads a service list parameter; throws a TypeError naming the rule and parameter when it is malformed. */
export function serviceListParameter(meta: RuleMeta, parameter: string): NamedService[] {
  const value = meta.parameters[parameter];
  if (!Array.isArray(value)) throw invalidParameter(meta, parameter, 'a list');
  return value.map((entry: unknown) => readService(meta, parameter, entry));
}

function readService(meta: RuleMeta, parameter: string, entry: unknown): NamedService {
  const item = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  const protocol = normalizeProtocol(item.protocol);
  if (protocol === undefined) throw invalidParameter(meta, parameter, 'entries with a valid protocol');
  const ports = protocolHasPorts(protocol) ? readPorts(String(item.ports ?? '')) : PortSet.empty();
  if (ports === undefined) throw invalidParameter(meta, parameter, 'entries with ports "a" or "a-b"');
  const name = typeof item.name === 'string' ? item.name : protocolLabel(protocol);
  return { name, protocol, ports };
}

function readPorts(text: string): PortSet | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (match === null) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= to && to <= 65535 ? PortSet.of([{ from, to }]) : undefined;
}

function invalidParameter(meta: RuleMeta, parameter: string, expected: string): TypeError {
  return new TypeError(
    `Parameter ${parameter} of rule ${meta.id} must be ${expected}; fix it in .zoneguard.yml or the pack.`,
  );
}

/** Traffic of one protocol on some ports, as a flow or a rule opens it. */
export interface Traffic {
  protocol: Protocol;
  ports: PortSet;
}

export function trafficOf(protocol: Protocol, ports: readonly PortRange[]): Traffic {
  return { protocol, ports: PortSet.of(ports) };
}

/**
 * Lists the services that traffic opens, each narrowed to the ports it shares with
 * the traffic. An all-protocol flow opens every service; a service without
 * ports matches its protocol alone.
 */
export function exposedServices(traffic: Traffic, services: readonly NamedService[]): NamedService[] {
  const exposed: NamedService[] = [];
  for (const service of services) {
    if (!protocolCovers(traffic.protocol, service.protocol)) continue;
    if (!protocolHasPorts(service.protocol)) {
      exposed.push(service);
      continue;
    }
    const ports = service.ports.intersect(traffic.ports);
    if (!ports.isEmpty()) exposed.push({ ...service, ports });
  }
  return exposed;
}

/** Traffic minus the services, per protocol: what a flow opens beyond a list. */
export function trafficBeyond(traffic: Traffic, services: readonly NamedService[]): Traffic[] {
  if (traffic.protocol === 'all') {
    // Everything except the listed ports of tcp and udp stays open, so both are listed, plus other protocols.
    return (['tcp', 'udp'] as const)
      .map((protocol) => trafficBeyond({ protocol, ports: PortSet.all() }, services)[0])
      .filter((rest): rest is Traffic => rest !== undefined)
      .concat([{ protocol: 'all', ports: PortSet.empty() }]);
  }
  if (!protocolHasPorts(traffic.protocol)) {
    const listed = services.some((service) => protocolCovers(service.protocol, traffic.protocol));
    return listed ? [] : [traffic];
  }
  let ports = traffic.ports;
  for (const service of services) {
    if (protocolCovers(service.protocol, traffic.protocol)) ports = ports.subtract(service.ports);
  }
  return ports.isEmpty() ? [] : [{ protocol: traffic.protocol, ports }];
}

/** True when traffic of `outer` includes traffic of `inner`. */
function protocolCovers(outer: Protocol, inner: Protocol): boolean {
  if (outer === 'all') return true;
  if (typeof outer === 'string' || typeof inner === 'string') return outer === inner;
  return outer.number === inner.number;
}

/** `"ssh tcp 22, rdp udp 3389"`, merging equal names and protocols. */
export function formatServices(services: readonly NamedService[]): string {
  const merged = new Map<string, NamedService>();
  for (const service of services) {
    const key = `${service.name}\u0000${protocolLabel(service.protocol)}`;
    const known = merged.get(key);
    merged.set(key, known ? { ...known, ports: known.ports.union(service.ports) } : service);
  }
  return [...merged.values()]
    .map((service) => `${service.name} ${formatTraffic({ protocol: service.protocol, ports: service.ports })}`)
    .join(', ');
}

/** `"tcp 20-23, 3389"`, `"icmp"`, `"all protocols and ports"`. */
export function formatTraffic(traffic: Traffic): string {
  if (traffic.protocol === 'all') {
    return traffic.ports.isEmpty() ? 'other protocols' : 'all protocols and ports';
  }
  const label = protocolLabel(traffic.protocol);
  if (!protocolHasPorts(traffic.protocol)) return label;
  return `${label} ${traffic.ports.toString()}`;
}

/** Unions traffic per protocol, keeping the first-seen order of protocols. */
export function mergeTraffic(items: readonly Traffic[]): Traffic[] {
  const merged = new Map<string, Traffic>();
  for (const item of items) {
    const key = protocolLabel(item.protocol);
    const known = merged.get(key);
    merged.set(key, known ? { protocol: item.protocol, ports: known.ports.union(item.ports) } : item);
  }
  return [...merged.values()];
}
