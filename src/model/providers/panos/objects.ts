import { parseCidr } from '../../../analysis/net/address.ts';
import { IpSet } from '../../../analysis/net/ip-set.ts';
import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Segment } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { elements, knownStr, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';
import type { ResourceMapper } from '../registry.ts';
import { parseServicePorts, type ServicePart } from './services.ts';

/**
 * PAN-OS zones, interfaces, address and service objects. A zone is a segment
 * whose ranges are the subnets of its interfaces; zones named for the outside
 * (`untrust`, `outside`, `internet`, `wan`, `external`) are not segments.
 */

export const ZONES = 'panos-zones';
export const INTERFACE_SUBNETS = 'panos-interface-subnets';
export const ADDRESSES = 'panos-addresses';
export const SERVICES = 'panos-services';

export interface ZoneRecord {
  segmentId?: string;
  outside: boolean;
}

const OUTSIDE_NAMES = /^(untrust|outside|internet|wan|external)/i;

function mapZone(instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name') ?? instance.name;
  const interfaces = elements(instance.body, 'interfaces').flatMap((element) => (typeof element.value === 'string' ? [element.value] : []));
  if (OUTSIDE_NAMES.test(name)) {
    context.lookup<ZoneRecord>(ZONES).set(name, { outside: true });
    return;
  }
  const segment: Segment = {
    id: instance.address,
    name,
    cidrs: [],
    zone: { candidates: [] },
    mapPublicIp: false,
    // The zone's own name is the zone it stands for, read as a tag through the alias table.
    tags: { Zone: name },
    origin: origin(instance),
  };
  context.model.segments.push(segment);
  context.lookup<ZoneRecord>(ZONES).set(name, { segmentId: segment.id, outside: false });
  context.afterMapping('attach', () => {
    const subnets = context.lookup<string[]>(INTERFACE_SUBNETS);
    segment.cidrs.push(...interfaces.flatMap((member) => subnets.get(member) ?? []));
    if (segment.cidrs.length === 0) segment.cidrUnknown = new Unknown('no interface of the zone has a static address in the code', instance.address);
  });
}

/** An interface's `static_ips` (`"10.0.1.1/24"`) give the subnets of its zone. */
function mapInterface(instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name');
  if (name === undefined) return;
  const subnets = elements(instance.body, 'static_ips').flatMap((element) => {
    const parsed = typeof element.value === 'string' ? parseCidr(element.value) : undefined;
    return parsed?.ok ? [parsed.canonical] : [];
  });
  context.lookup<string[]>(INTERFACE_SUBNETS).set(name, subnets);
}

/** An address object: CIDRs, or the reason they are not known (an FQDN). */
export type AddressObject = { cidrs: string[] } | { unknown: Unknown };

function mapAddress(instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name');
  const value = knownStr(instance.body, 'value');
  if (name === undefined) return;
  const type = knownStr(instance.body, 'type') ?? 'ip-netmask';
  context.lookup<AddressObject>(ADDRESSES).set(name, readAddress(type, value, instance.address));
}

export function readAddress(type: string, value: string | undefined, subject: string): AddressObject {
  if (value !== undefined && type === 'ip-netmask') {
    const parsed = parseCidr(value);
    if (parsed.ok) return { cidrs: [parsed.canonical] };
  }
  if (value !== undefined && type === 'ip-range') {
    const [first, last] = value.split('-').map((part) => parseCidr(part.trim()));
    if (first?.ok && last?.ok && first.cidr.family === last.cidr.family && first.cidr.network <= last.cidr.network) {
      return { cidrs: IpSet.fromRange(first.cidr.family, first.cidr.network, last.cidr.network).toCidrs() };
    }
  }
  return { unknown: new Unknown(`${subject} is a ${type} address ${JSON.stringify(value)} that is not read as addresses`, subject) };
}

export type ServiceObject = ServicePart[] | Unknown;

function mapService(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const name = knownStr(body, 'name');
  if (name === undefined) return;
  const protocol = knownStr(body, 'protocol') === 'udp' ? 'udp' : 'tcp';
  const written = knownStr(body, 'destination_port') ?? '';
  const ports = parseServicePorts(written);
  if (typeof ports === 'string') {
    context.diagnose({ code: 'invalid-port-range', severity: 'error', message: `${instance.address}: ${ports}`, hint: 'Write destination_port as "22", "80,8080" or "8000-8100"; rules using this service are not evaluated.', location: body.attributes['destination_port']?.location ?? instance.location, subject: instance.address });
    context.lookup<ServiceObject>(SERVICES).set(name, new Unknown(`invalid port range ${JSON.stringify(written)}`, name));
    return;
  }
  context.lookup<ServiceObject>(SERVICES).set(name, [{ protocol, ports }]);
}

export const objectMappers: Record<string, ResourceMapper> = {
  panos_zone: mapZone,
  panos_ethernet_interface: mapInterface,
  panos_address_object: mapAddress,
  panos_service_object: mapService,
};
