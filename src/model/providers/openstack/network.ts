import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Segment } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { elements, knownStr, origin } from '../body.ts';
import { readRanges } from '../cidrs.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { listTags } from './tags.ts';

/** Networks become sites, whose ranges are those of their subnets, and subnets become segments. */

function mapNetwork(instance: ResourceInstance, context: MappingContext): void {
  context.model.sites.push({
    id: instance.address,
    name: knownStr(instance.body, 'name') ?? instance.name,
    cidrs: [],
    tags: listTags(instance.body),
    origin: origin(instance),
  });
}

function mapSubnet(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const ranges = readRanges(body, ['cidr'], context, instance.address);
  const segment: Segment = {
    id: instance.address,
    name: knownStr(body, 'name') ?? instance.name,
    cidrs: ranges.cidrs,
    zone: { candidates: [] },
    // An instance gets a public address only through a floating IP.
    mapPublicIp: false,
    tags: listTags(body),
    origin: origin(instance),
  };
  if (ranges.unknown !== undefined) segment.cidrUnknown = ranges.unknown;
  else if (ranges.cidrs.length === 0) segment.cidrUnknown = new Unknown('no cidr written (subnet pool)', instance.address);
  context.model.segments.push(segment);
  const network = elements(body, 'network_id')[0];
  context.afterMapping('attach', () => {
    if (network === undefined) return;
    const siteId = resolveReference(referenceOf(network), 'site', context);
    const site = context.model.sites.find((candidate) => candidate.id === siteId);
    if (site === undefined) return;
    segment.siteId = site.id;
    site.cidrs.push(...segment.cidrs);
  });
}

/** The segments of a network, for an instance or port that names only its network. */
export function segmentsOfNetwork(siteId: string, context: MappingContext): Segment[] {
  return context.model.segments.filter((segment) => segment.siteId === siteId);
}

export const networkMappers: Record<string, ResourceMapper> = {
  openstack_networking_network_v2: mapNetwork,
  openstack_networking_subnet_v2: mapSubnet,
};
