import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Origin } from '../../location.ts';
import type { Segment } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { elements, knownStr, nested, origin, tags } from '../body.ts';
import { readRanges } from '../cidrs.ts';
import type { MappingContext } from '../context.ts';
import type { ResourceMapper } from '../registry.ts';
import { recordName, resolveName } from './names.ts';
import { attachSetToSegment } from './security-groups.ts';

/** Virtual networks become sites and subnets (separate or inline) become segments. */

const SUBNET_RANGES = ['address_prefixes', 'address_prefix'];

function mapVirtualNetwork(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const ranges = readRanges(body, ['address_space'], context, instance.address);
  const siteTags = tags(body);
  const siteOrigin = origin(instance);
  context.model.sites.push({
    id: instance.address,
    name: knownStr(body, 'name') ?? instance.name,
    cidrs: ranges.cidrs,
    tags: siteTags,
    origin: siteOrigin,
  });
  recordName('vnet', instance, context);
  for (const block of nested(body, 'subnet')) {
    const id = `${instance.address}/${block.path}`;
    const segment = newSegment(id, block.body, siteOrigin, context);
    segment.siteId = instance.address;
    context.model.segments.push(segment);
    const group = elements(block.body, 'security_group')[0];
    if (group !== undefined) attachSetToSegment(group, id, context);
  }
}

/** A segment of an Azure subnet; Azure subnets carry no tags, so the zone comes from names or config. */
function newSegment(id: string, body: EvaluatedBody, segmentOrigin: Origin, context: MappingContext): Segment {
  const ranges = readRanges(body, SUBNET_RANGES, context, id);
  const segment: Segment = {
    id,
    name: knownStr(body, 'name') ?? id,
    cidrs: ranges.cidrs,
    zone: { candidates: [] },
    // Azure never gives a VM a public address because of its subnet.
    mapPublicIp: false,
    tags: tags(body),
    origin: segmentOrigin,
  };
  if (ranges.unknown !== undefined) segment.cidrUnknown = ranges.unknown;
  else if (ranges.cidrs.length === 0) segment.cidrUnknown = new Unknown('no address prefix written', id);
  return segment;
}

function mapSubnet(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const segment = newSegment(instance.address, body, origin(instance), context);
  if (segment.name === instance.address) segment.name = instance.name;
  context.model.segments.push(segment);
  const network = elements(body, 'virtual_network_name')[0];
  const group = elements(body, 'resource_group_name')[0];
  context.afterMapping('attach', () => {
    const siteId = resolveName('vnet', network, group, context);
    if (siteId !== undefined && context.kindOf(siteId) === 'site') segment.siteId = siteId;
  });
}

export const networkMappers: Record<string, ResourceMapper> = {
  azurerm_virtual_network: mapVirtualNetwork,
  azurerm_subnet: mapSubnet,
};
