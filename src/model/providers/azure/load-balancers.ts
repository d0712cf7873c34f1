import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Known } from '../../unknown.ts';
import { elements, nested, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { linkSegments, newHost } from '../hosts.ts';
import { referenceOf } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/**
 * Load balancers: internet-facing when a frontend has a public IP. Backend
 * pools and rules are not mapped, so the balancer has no targets.
 */
function mapLoadBalancer(instance: ResourceInstance, context: MappingContext): void {
  const host = newHost(instance, 'load-balancer', context);
  const frontends = nested(instance.body, 'frontend_ip_configuration');
  const publicIps = frontends.flatMap((frontend) => [
    ...elements(frontend.body, 'public_ip_address_id'),
    ...elements(frontend.body, 'public_ip_prefix_id'),
  ]);
  const internetFacing = facing(publicIps);
  host.loadBalancer = { internetFacing, listeners: [], targetGroupIds: [] };
  host.publicAddress = internetFacing;
  context.model.hosts.push(host);
  linkSegments(host, frontends.flatMap((frontend) => elements(frontend.body, 'subnet_id')), context);
}

/** Public when any frontend names a public IP; unknown when the only ones are computed without a target. */
function facing(publicIps: readonly Element[]): Known<boolean> {
  const references = publicIps.map(referenceOf);
  if (references.length === 0) return false;
  if (references.some((reference) => reference.unknown === undefined)) return true;
  return references[0]!.unknown!;
}

export const loadBalancerMappers: Record<string, ResourceMapper> = {
  azurerm_lb: mapLoadBalancer,
};
