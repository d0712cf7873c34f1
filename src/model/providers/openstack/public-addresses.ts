import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import { elements, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { PORTS } from './compute.ts';

/**
 * Floating IPs: the instance behind the port (or named directly) has a public
 * address. A floating IP on a load balancer's `vip_port_id` makes the load
 * balancer internet-facing.
 */

function markPortPublic(element: Element | undefined, context: MappingContext): void {
  if (element === undefined) return;
  context.afterMapping('derive', () => {
    const address = referenceOf(element).address;
    const hostId = address === undefined ? undefined : context.lookup<{ hostId?: string }>(PORTS).get(address)?.hostId;
    markHost(hostId ?? address, context);
  });
}

function markHost(hostId: string | undefined, context: MappingContext): void {
  const host = context.model.hosts.find((candidate) => candidate.id === hostId);
  if (host === undefined) return;
  host.publicAddress = true;
  if (host.loadBalancer !== undefined) host.loadBalancer.internetFacing = true;
}

function mapFloatingIp(instance: ResourceInstance, context: MappingContext): void {
  markPortPublic(elements(instance.body, 'port_id')[0], context);
}

function mapComputeAssociation(instance: ResourceInstance, context: MappingContext): void {
  const element = elements(instance.body, 'instance_id')[0];
  if (element === undefined) return;
  context.afterMapping('derive', () => markHost(resolveReference(referenceOf(element), 'host', context), context));
}

export const publicAddressMappers: Record<string, ResourceMapper> = {
  openstack_networking_floatingip_v2: mapFloatingIp,
  openstack_networking_floatingip_associate_v2: mapFloatingIp,
  openstack_compute_floatingip_associate_v2: mapComputeAssociation,
};
