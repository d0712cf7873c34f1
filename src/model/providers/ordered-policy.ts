import { PortSet } from '../../analysis/net/port-set.ts';
import type { FirewallSet, PortRange, Protocol } from '../types.ts';
import { Unknown } from '../unknown.ts';
import type { MappingContext } from './context.ts';

/**
 * Pieces shared by the firewall appliances (FortiOS, PAN-OS) whose policies
 * form one ordered set per destination interface or zone, with one model rule
 * per protocol of a policy's services.
 */

/** The protocol and ports of one service. */
export interface ServicePart {
  protocol: Protocol;
  ports: PortRange[];
}

/** `tcp`, `all`, `47`: the part of a rule id that names its protocol. */
export function protocolKey(protocol: Protocol): string {
  return typeof protocol === 'string' ? protocol : String(protocol.number);
}

/** The part of a rule id that names a service: its protocol, or the origin of an unknown service. */
export function serviceKey(service: ServicePart | Unknown): string {
  return service instanceof Unknown ? `unknown:${service.origin}` : protocolKey(service.protocol);
}

/** Merges the ports of services of one protocol, so a policy has one rule per protocol. */
export function byProtocol(parts: Array<ServicePart | Unknown>): Array<ServicePart | Unknown> {
  const merged = new Map<string, ServicePart>();
  const unknown: Unknown[] = [];
  for (const part of parts) {
    if (part instanceof Unknown) {
      unknown.push(part);
      continue;
    }
    const key = protocolKey(part.protocol);
    const known = merged.get(key);
    const ports = known === undefined ? part.ports : PortSet.of(known.ports).union(PortSet.of(part.ports)).ranges();
    merged.set(key, { protocol: part.protocol, ports });
  }
  return [...merged.values(), ...unknown];
}

/** Makes `segmentId`, when there is one, a target of the policy set. */
export function addTargetSegment(set: FirewallSet, segmentId: string | undefined): void {
  if (segmentId !== undefined && !set.segmentIds.includes(segmentId)) set.segmentIds.push(segmentId);
}

/** Where an interface or zone sits: its segment, or outside the scanned network. */
export interface PlacedRecord {
  segmentId?: string;
  outside: boolean;
}

/**
 * The CIDRs that `any` (or `all`) stands for from these source interfaces or
 * zones: their segments' CIDRs, or every address when there are none or one
 * of them faces outside.
 */
export function sourceCidrs(records: PlacedRecord[], context: MappingContext): string[] {
  if (records.length === 0 || records.some((record) => record.outside)) return ['0.0.0.0/0'];
  return records.flatMap((record) => context.model.segments.find((segment) => segment.id === record.segmentId)?.cidrs ?? []);
}
