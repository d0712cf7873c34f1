import { parseCidr } from '../../../analysis/net/address.ts';
import { IpSet } from '../../../analysis/net/ip-set.ts';
import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import { elements, knownStr, nested } from '../body.ts';
import type { MappingContext } from '../context.ts';
import type { ResourceMapper } from '../registry.ts';
import { parsePortRanges, type ServicePart } from './services.ts';

/**
 * Named objects that firewall policies refer to: addresses, address groups
 * and custom services. They are read into lookup tables by name, because a
 * policy names them, not references them.
 */

/** An address object: its CIDRs, or why they are not known (an FQDN, a bad subnet). */
export type AddressObject = { cidrs: string[] } | { unknownReason: string };
export const ADDRESSES = 'fortios-addresses';
export const ADDRESS_GROUPS = 'fortios-address-groups';
export type ServiceObject = ServicePart[] | { error: string };
export const SERVICES = 'fortios-services';
export const SERVICE_GROUPS = 'fortios-service-groups';

/** `"10.0.1.0 255.255.255.0"` or `"10.0.1.0/24"` into a canonical CIDR. */
export function subnetCidr(text: string): string | undefined {
  const [address, mask] = text.trim().split(/\s+/);
  if (address === undefined) return undefined;
  if (mask === undefined) {
    const parsed = parseCidr(address);
    return parsed.ok ? parsed.canonical : undefined;
  }
  const prefix = maskLength(mask);
  if (prefix === undefined) return undefined;
  const parsed = parseCidr(`${address}/${prefix}`);
  return parsed.ok ? parsed.canonical : undefined;
}

function maskLength(mask: string): number | undefined {
  const parts = mask.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !(part >= 0 && part <= 255))) return undefined;
  const bits = parts.map((part) => part.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : undefined;
}

function mapAddress(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const name = knownStr(body, 'name');
  if (name === undefined) return;
  const type = knownStr(body, 'type') ?? 'ipmask';
  context.lookup<AddressObject>(ADDRESSES).set(name, readAddress(type, instance));
}

function readAddress(type: string, instance: ResourceInstance): AddressObject {
  const body = instance.body;
  if (type === 'ipmask') {
    const subnet = knownStr(body, 'subnet') ?? '0.0.0.0 0.0.0.0';
    const cidr = subnetCidr(subnet);
    return cidr === undefined ? { unknownReason: `subnet "${subnet}" of ${instance.address} is not an address and mask` } : { cidrs: [cidr] };
  }
  if (type === 'iprange') {
    const start = knownStr(body, 'start_ip');
    const end = knownStr(body, 'end_ip');
    const first = start === undefined ? undefined : parseCidr(start);
    const last = end === undefined ? undefined : parseCidr(end);
    if (first?.ok && last?.ok && first.cidr.family === last.cidr.family && first.cidr.network <= last.cidr.network) {
      return { cidrs: IpSet.fromRange(first.cidr.family, first.cidr.network, last.cidr.network).toCidrs() };
    }
    return { unknownReason: `range ${start}-${end} of ${instance.address} is not readable` };
  }
  return { unknownReason: `${instance.address} is a ${type} address, resolved only at run time` };
}

function mapAddressGroup(instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name');
  if (name !== undefined) context.lookup<string[]>(ADDRESS_GROUPS).set(name, memberNames(instance));
}

export function memberNames(instance: ResourceInstance, block = 'member'): string[] {
  return nested(instance.body, block).flatMap((member) => elements(member.body, 'name').flatMap((element) => (typeof element.value === 'string' ? [element.value] : [])));
}

function mapCustomService(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const name = knownStr(body, 'name');
  if (name === undefined) return;
  const protocol = knownStr(body, 'protocol') ?? 'TCP/UDP/SCTP';
  const parts: ServicePart[] = [];
  if (protocol.toUpperCase() === 'ICMP') parts.push({ protocol: 'icmp', ports: [] });
  for (const [attribute, kind] of [['tcp_portrange', 'tcp'], ['udp_portrange', 'udp']] as const) {
    const written = knownStr(body, attribute);
    if (written === undefined || written.trim() === '') continue;
    const ranges = parsePortRanges(written);
    if (typeof ranges === 'string') {
      context.lookup<ServiceObject>(SERVICES).set(name, { error: ranges });
      context.diagnose({ code: 'invalid-port-range', severity: 'error', message: `${instance.address}: ${ranges}`, hint: 'Write port ranges as "22 80-90"; policies using this service are not evaluated.', location: body.attributes[attribute]!.location, subject: instance.address });
      return;
    }
    parts.push({ protocol: kind, ports: ranges });
  }
  context.lookup<ServiceObject>(SERVICES).set(name, parts);
}

function mapServiceGroup(instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name');
  if (name !== undefined) context.lookup<string[]>(SERVICE_GROUPS).set(name, memberNames(instance));
}

export const objectMappers: Record<string, ResourceMapper> = {
  fortios_firewall_address: mapAddress,
  fortios_firewall_addrgrp: mapAddressGroup,
  fortios_firewallservice_custom: mapCustomService,
  fortios_firewallservice_group: mapServiceGroup,
};
