import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { ContentFilter } from '../../types.ts';
import { elements, nested, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf, resolveReference, resolveSite } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/**
 * Managed filters on the way to the Internet: AWS Network Firewall, whose
 * endpoints sit in the subnets of its `subnet_mapping` blocks, and a Route 53
 * Resolver DNS firewall rule group associated with a VPC.
 */

function addFilter(context: MappingContext, filter: ContentFilter): ContentFilter {
  (context.model.contentFilters ??= []).push(filter);
  return filter;
}

function linkSite(filter: ContentFilter, instance: ResourceInstance, context: MappingContext): void {
  const vpc = elements(instance.body, 'vpc_id')[0];
  if (vpc === undefined) return;
  context.afterMapping('attach', () => {
    const siteId = resolveSite(referenceOf(vpc), context);
    if (siteId !== undefined) filter.siteId = siteId;
  });
}

function mapNetworkFirewall(instance: ResourceInstance, context: MappingContext): void {
  const filter = addFilter(context, { id: instance.address, kind: 'network-firewall', segmentIds: [], origin: origin(instance) });
  linkSite(filter, instance, context);
  for (const mapping of nested(instance.body, 'subnet_mapping')) {
    const subnet = elements(mapping.body, 'subnet_id')[0];
    if (subnet === undefined) continue;
    context.afterMapping('resolve', () => {
      const segmentId = resolveReference(referenceOf(subnet), 'segment', context);
      if (segmentId !== undefined) filter.segmentIds.push(segmentId);
    });
  }
}

function mapDnsFirewallAssociation(instance: ResourceInstance, context: MappingContext): void {
  const filter = addFilter(context, { id: instance.address, kind: 'dns-firewall', segmentIds: [], origin: origin(instance) });
  linkSite(filter, instance, context);
}

export const contentFilterMappers: Record<string, ResourceMapper> = {
  aws_networkfirewall_firewall: mapNetworkFirewall,
  aws_route53_resolver_firewall_rule_group_association: mapDnsFirewallAssociation,
};
