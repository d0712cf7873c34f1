import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Segment } from '../../types.ts';
import { zoneFromWord } from '../../zones/aliases.ts';
import { elements, knownStr, nested, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';
import type { ResourceMapper } from '../registry.ts';
import { subnetCidr } from './objects.ts';

/**
 * Interfaces with an address become segments. Their zone comes from a
 * `Zone=...` in the description, an alias or FortiOS zone whose name is a zone
 * word (`dmz`, `mgmt`), or else the interface name.
 */

export interface InterfaceRecord {
  segmentId?: string;
  /** Role `wan`, or no private address: traffic from it comes from outside. */
  outside: boolean;
}

export const INTERFACES = 'fortios-interfaces';
export const FORTI_ZONES = 'fortios-zones';

function mapInterface(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const name = knownStr(body, 'name') ?? instance.name;
  const ip = knownStr(body, 'ip');
  const cidr = ip === undefined ? undefined : subnetCidr(ip);
  const role = knownStr(body, 'role')?.toLowerCase();
  const record: InterfaceRecord = { outside: role === 'wan' || cidr === undefined || !isPrivate(cidr) };
  if (cidr !== undefined && role !== 'wan' && cidr !== '0.0.0.0/0') {
    const segment = newSegment(instance, name, cidr);
    context.model.segments.push(segment);
    record.segmentId = segment.id;
  }
  context.lookup<InterfaceRecord>(INTERFACES).set(name, record);
}

function isPrivate(cidr: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(cidr);
}

function newSegment(instance: ResourceInstance, name: string, cidr: string): Segment {
  const body = instance.body;
  const alias = knownStr(body, 'alias');
  const described = /\bzone\s*[=:]\s*([\w-]+)/i.exec(knownStr(body, 'description') ?? '')?.[1];
  const zoneWord = described ?? (alias !== undefined && zoneFromWord(alias) !== undefined ? alias : undefined);
  return {
    id: instance.address,
    name: alias ?? name,
    cidrs: [cidr],
    zone: { candidates: [] },
    mapPublicIp: false,
    tags: zoneWord === undefined ? {} : { Zone: zoneWord },
    origin: origin(instance),
  };
}

/** A FortiOS zone groups interfaces; its name gives them a zone when they have none. */
function mapZone(instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name');
  if (name === undefined) return;
  const members = nested(instance.body, 'interface').flatMap((member) =>
    elements(member.body, 'interface_name').flatMap((element) => (typeof element.value === 'string' ? [element.value] : [])),
  );
  context.lookup<string[]>(FORTI_ZONES).set(name, members);
  context.afterMapping('attach', () => {
    if (zoneFromWord(name) === undefined) return;
    for (const member of members) {
      const segmentId = context.lookup<InterfaceRecord>(INTERFACES).get(member)?.segmentId;
      const segment = context.model.segments.find((candidate) => candidate.id === segmentId);
      if (segment !== undefined && segment.tags['Zone'] === undefined) segment.tags['Zone'] = name;
    }
  });
}

/** The interfaces a policy's interface name stands for: a zone's members, or the interface itself. */
export function interfacesOf(name: string, context: MappingContext): InterfaceRecord[] {
  const members = context.lookup<string[]>(FORTI_ZONES).get(name) ?? [name];
  return members.flatMap((member) => context.lookup<InterfaceRecord>(INTERFACES).get(member) ?? []);
}

export const interfaceMappers: Record<string, ResourceMapper> = {
  fortios_system_interface: mapInterface,
  fortios_system_zone: mapZone,
};
