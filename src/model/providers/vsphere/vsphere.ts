import { parseCidr } from '../../../analysis/net/address.ts';
import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Segment, Volume } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { attr, elements, isObjectValue, knownStr, nested, num, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { addRoles, rolesFromUserData } from '../host-roles.ts';
import { canonicalAddress, linkSegments, newHost } from '../hosts.ts';
import { referenceOf } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/**
 * vSphere port groups and virtual machines. A port group is a VLAN with no
 * address range of its own: its CIDR and zone come from its vSphere tags
 * (a tag named like `10.0.1.0/24`, a tag `dmz` in a category `Zone`), from
 * `cidr=` and `zone=` in its description, or from `.zoneguard.yml`.
 */

interface TagRecord {
  name: string;
  category?: string;
}

const TAGS = 'vsphere-tags';
const CATEGORIES = 'vsphere-tag-categories';

function mapTagCategory(instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name');
  if (name !== undefined) context.lookup<string>(CATEGORIES).set(instance.address, name);
}

function mapTag(instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name');
  if (name === undefined) return;
  const category = elements(instance.body, 'category_id')[0];
  const record: TagRecord = { name };
  context.lookup<TagRecord>(TAGS).set(instance.address, record);
  context.afterMapping('attach', () => {
    const address = category === undefined ? undefined : referenceOf(category).address;
    const categoryName = address === undefined ? undefined : context.lookup<string>(CATEGORIES).get(address);
    if (categoryName !== undefined) record.category = categoryName;
  });
}

function mapPortGroup(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const vlan = num(body, 'vlan_id');
  const segment: Segment = {
    id: instance.address,
    name: knownStr(body, 'name') ?? instance.name,
    cidrs: [],
    zone: { candidates: [] },
    mapPublicIp: false,
    tags: typeof vlan === 'number' ? { VLAN: String(vlan) } : {},
    origin: origin(instance),
  };
  readDescription(segment, knownStr(body, 'description'));
  context.model.segments.push(segment);
  const tagElements = elements(body, 'tags');
  context.afterMapping('attach', () => {
    for (const element of tagElements) {
      const address = referenceOf(element).address;
      const tag = address === undefined ? undefined : context.lookup<TagRecord>(TAGS).get(address);
      if (tag !== undefined) applyTag(segment, tag.name, tag.category);
    }
    if (segment.cidrs.length === 0) segment.cidrUnknown = new Unknown('a port group has no address range unless a tag or the description names one', instance.address);
  });
}

function readDescription(segment: Segment, description: string | undefined): void {
  for (const match of (description ?? '').matchAll(/\b(cidr|zone)\s*[=:]\s*(\S+)/gi)) {
    applyTag(segment, match[2]!, match[1]!.toLowerCase() === 'zone' ? 'Zone' : undefined);
  }
}

/** A tag that is a CIDR adds it; a tag in a `Zone` category (or written `zone:x`) names the zone. */
function applyTag(segment: Segment, name: string, category?: string): void {
  const parsed = parseCidr(name);
  if (parsed.ok && name.includes('/')) {
    if (!segment.cidrs.includes(parsed.canonical)) segment.cidrs.push(parsed.canonical);
    return;
  }
  const written = /^zone\s*[:=]\s*(.+)$/i.exec(name)?.[1];
  if (written !== undefined) segment.tags['Zone'] = written;
  else if (category !== undefined && /^(network)?zone$/i.test(category)) segment.tags['Zone'] = name;
}

function mapVirtualMachine(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const host = newHost(instance, 'instance', context);
  host.name = knownStr(body, 'name') ?? host.name;
  readExtraConfig(host, attr(body, 'extra_config')?.value);
  const customize = nested(body, 'clone').flatMap((clone) => nested(clone.body, 'customize', clone.path));
  for (const networkInterface of customize.flatMap((found) => nested(found.body, 'network_interface', found.path))) {
    const address = knownStr(networkInterface.body, 'ipv4_address');
    const canonical = address === undefined ? undefined : canonicalAddress(address);
    if (canonical !== undefined) host.addresses.push(canonical);
  }
  context.model.hosts.push(host);
  linkSegments(host, nested(body, 'network_interface').flatMap((found) => elements(found.body, 'network_id')), context);
  context.model.volumes.push(...diskVolumes(instance));
}

/** `guestinfo.userdata` in `extra_config` is cloud-init user data, often base64. */
function readExtraConfig(host: ReturnType<typeof newHost>, value: unknown): void {
  if (!isObjectValue(value as never)) return;
  const userData = (value as Record<string, unknown>)['guestinfo.userdata'];
  if (typeof userData !== 'string') return;
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(userData) && userData.length % 4 === 0 ? Buffer.from(userData, 'base64').toString('utf8') : userData;
  host.userData = decoded;
  addRoles(host.roles, rolesFromUserData(decoded));
}

function diskVolumes(instance: ResourceInstance): Volume[] {
  const vmOrigin = origin(instance);
  return nested(instance.body, 'disk').map((disk) => {
    const volume: Volume = { id: `${instance.address}/${disk.path}`, hostId: instance.address, tags: {}, origin: vmOrigin, path: disk.path };
    const size = num(disk.body, 'size');
    if (size !== undefined) volume.sizeGb = size;
    return volume;
  });
}

export const vsphereMappers: Record<string, ResourceMapper> = {
  vsphere_tag_category: mapTagCategory,
  vsphere_tag: mapTag,
  vsphere_distributed_port_group: mapPortGroup,
  vsphere_virtual_machine: mapVirtualMachine,
};
