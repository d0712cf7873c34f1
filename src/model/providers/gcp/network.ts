import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Segment, Site } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { elements, knownStr, nested, origin, tags } from '../body.ts';
import { readRanges } from '../cidrs.ts';
import type { MappingContext } from '../context.ts';
import type { ResourceMapper } from '../registry.ts';
import { recordName, resolveName } from './names.ts';
import { inheritProjectLabels } from './projects.ts';

/**
 * VPC networks become sites and subnetworks become segments, with their
 * secondary ranges. A network has no range of its own, so its site's ranges
 * are those of its subnetworks.
 */

function mapNetwork(instance: ResourceInstance, context: MappingContext): void {
  const site: Site = {
    id: instance.address,
    name: knownStr(instance.body, 'name') ?? instance.name,
    cidrs: [],
    tags: {},
    origin: origin(instance),
  };
  context.model.sites.push(site);
  inheritProjectLabels(site, instance, context);
  recordName('network', instance, context);
}

function mapSubnetwork(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const ranges = readRanges(body, ['ip_cidr_range', 'ipv6_cidr_range'], context, instance.address);
  for (const secondary of nested(body, 'secondary_ip_range')) {
    ranges.cidrs.push(...readRanges(secondary.body, ['ip_cidr_range'], context, instance.address).cidrs);
  }
  const segment: Segment = {
    id: instance.address,
    name: knownStr(body, 'name') ?? instance.name,
    cidrs: ranges.cidrs,
    zone: { candidates: [] },
    // Google gives an instance a public address only through its access_config.
    mapPublicIp: false,
    tags: tags(body, 'labels'),
    origin: origin(instance),
  };
  if (ranges.unknown !== undefined) segment.cidrUnknown = ranges.unknown;
  else if (ranges.cidrs.length === 0) segment.cidrUnknown = new Unknown('no ip_cidr_range written', instance.address);
  context.model.segments.push(segment);
  recordName('subnetwork', instance, context);
  const network = elements(body, 'network')[0];
  context.afterMapping('attach', () => {
    const siteId = resolveName('network', network, context);
    const site = context.model.sites.find((candidate) => candidate.id === siteId);
    if (site === undefined) return;
    segment.siteId = site.id;
    site.cidrs.push(...segment.cidrs);
  });
}

export const networkMappers: Record<string, ResourceMapper> = {
  google_compute_network: mapNetwork,
  google_compute_subnetwork: mapSubnetwork,
};
