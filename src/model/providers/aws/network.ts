import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Segment } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { attr, bool, elements, origin, tags } from '../body.ts';
import { readRanges } from '../cidrs.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf, resolveReference, resolveSite } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/** VPCs become sites and subnets become segments. */

function mapVpc(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const ranges = readRanges(body, ['cidr_block', 'ipv6_cidr_block'], context, instance.address);
  const siteTags = tags(body);
  context.model.sites.push({
    id: instance.address,
    name: siteTags['Name'] ?? instance.name,
    cidrs: ranges.cidrs,
    tags: siteTags,
    origin: origin(instance),
  });
}

/** Adds a secondary range to its VPC once every VPC is mapped. */
function mapCidrAssociation(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const ranges = readRanges(body, ['cidr_block', 'ipv6_cidr_block'], context, instance.address);
  const vpc = elements(body, 'vpc_id')[0];
  if (vpc === undefined) return;
  context.afterMapping('attach', () => {
    const siteId = resolveReference(referenceOf(vpc), 'site', context);
    const site = context.model.sites.find((candidate) => candidate.id === siteId);
    site?.cidrs.push(...ranges.cidrs);
  });
}

function mapSubnet(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const ranges = readRanges(body, ['cidr_block', 'ipv6_cidr_block'], context, instance.address);
  const segmentTags = tags(body);
  const segment: Segment = {
    id: instance.address,
    name: segmentTags['Name'] ?? instance.name,
    cidrs: ranges.cidrs,
    zone: { candidates: [] },
    mapPublicIp: bool(body, 'map_public_ip_on_launch') ?? false,
    tags: segmentTags,
    origin: origin(instance),
  };
  if (ranges.unknown !== undefined) segment.cidrUnknown = ranges.unknown;
  else if (attr(body, 'cidr_block') === undefined && ranges.cidrs.length === 0) {
    segment.cidrUnknown = new Unknown('no CIDR written (IPAM or computed)', instance.address);
  }
  context.model.segments.push(segment);
  linkSite(segment, instance, context);
}

function linkSite(segment: Segment, instance: ResourceInstance, context: MappingContext): void {
  const vpc = elements(instance.body, 'vpc_id')[0];
  if (vpc === undefined) return;
  context.afterMapping('attach', () => {
    const siteId = resolveSite(referenceOf(vpc), context);
    if (siteId !== undefined) segment.siteId = siteId;
  });
}

export const networkMappers: Record<string, ResourceMapper> = {
  aws_vpc: mapVpc,
  aws_default_vpc: mapVpc,
  aws_vpc_ipv4_cidr_block_association: mapCidrAssociation,
  aws_vpc_ipv6_cidr_block_association: mapCidrAssociation,
  aws_subnet: mapSubnet,
  aws_default_subnet: mapSubnet,
};
