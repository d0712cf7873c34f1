import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Host, TargetGroup } from '../../types.ts';
import { elements, knownStr, nested, num, origin, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { canonicalAddress, linkSegments, newHost } from '../hosts.ts';
import { referenceOf } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { addTarget, findLoadBalancer, findTargetGroup, forwardTo, newTargetGroup } from '../target-groups.ts';

/**
 * Octavia load balancers. A load balancer sits on its VIP subnet and is
 * internal until a floating IP names its `vip_port_id` (public-addresses.ts).
 * Listeners add ports and forward to their default pool. A pool is a target
 * group, and its members name an instance by reference or by fixed address.
 */

/** The load balancer element of each listener, by listener address, for pools that name a listener. */
const LISTENER_BALANCERS = 'openstack-listener-balancers';

function mapLoadBalancer(instance: ResourceInstance, context: MappingContext): void {
  const host = newHost(instance, 'load-balancer', context);
  host.name = knownStr(instance.body, 'name') ?? host.name;
  host.loadBalancer = { internetFacing: false, listeners: [], targetGroupIds: [] };
  context.model.hosts.push(host);
  linkSegments(host, elements(instance.body, 'vip_subnet_id'), context);
}

function mapListener(instance: ResourceInstance, context: MappingContext): void {
  const balancer = elements(instance.body, 'loadbalancer_id')[0];
  if (balancer === undefined) return;
  context.lookup<Element>(LISTENER_BALANCERS).set(instance.address, balancer);
  const port = num(instance.body, 'protocol_port');
  const protocol = knownStr(instance.body, 'protocol') ?? 'unknown';
  const pool = elements(instance.body, 'default_pool_id')[0];
  const listenerOrigin = origin(instance);
  context.afterMapping('resolve', () => {
    const host = balancerOf(balancer, context);
    if (host === undefined) return;
    if (typeof port === 'number') host.loadBalancer?.listeners.push({ protocol, port, origin: listenerOrigin, path: '' });
    const group = pool === undefined ? undefined : findTargetGroup(context, referenceOf(pool).address);
    if (group !== undefined) forwardTo(host, group);
  });
}

/** A pool belongs to the balancer it names, or to the balancer of the listener it names. */
function mapPool(instance: ResourceInstance, context: MappingContext): void {
  const group = newTargetGroup(instance, context, knownStr(instance.body, 'protocol') ?? '');
  const balancer = elements(instance.body, 'loadbalancer_id')[0];
  const listener = elements(instance.body, 'listener_id')[0];
  context.afterMapping('resolve', () => {
    const viaListener = listener === undefined ? undefined : context.lookup<Element>(LISTENER_BALANCERS).get(referenceOf(listener).address ?? '');
    const named = balancer ?? viaListener;
    const host = named === undefined ? undefined : balancerOf(named, context);
    if (host !== undefined) forwardTo(host, group);
  });
}

function balancerOf(element: Element, context: MappingContext): Host | undefined {
  return findLoadBalancer(context, referenceOf(element).address);
}

/** `openstack_lb_member_v2`: one member of `pool_id`. */
function mapMember(instance: ResourceInstance, context: MappingContext): void {
  const pool = elements(instance.body, 'pool_id')[0];
  const address = elements(instance.body, 'address')[0];
  if (pool === undefined || address === undefined) return;
  context.afterMapping('resolve', () => {
    const group = findTargetGroup(context, referenceOf(pool).address);
    if (group !== undefined) addMember(group, address, context);
  });
}

/** `openstack_lb_members_v2`: every `member` block of `pool_id`. */
function mapMembers(instance: ResourceInstance, context: MappingContext): void {
  const pool = elements(instance.body, 'pool_id')[0];
  const addresses = nested(instance.body, 'member').flatMap((member) => elements(member.body, 'address'));
  if (pool === undefined) return;
  context.afterMapping('resolve', () => {
    const group = findTargetGroup(context, referenceOf(pool).address);
    if (group === undefined) return;
    for (const address of addresses) addMember(group, address, context);
  });
}

/** A member address is an instance attribute (`access_ip_v4`) or a fixed address of an instance. */
function addMember(group: TargetGroup, element: Element, context: MappingContext): void {
  const reference = referenceOf(element);
  const written = reference.literal === undefined ? undefined : canonicalAddress(reference.literal);
  const host = context.model.hosts.find(
    (candidate) =>
      candidate.loadBalancer === undefined &&
      (candidate.id === reference.address || (written !== undefined && candidate.addresses.includes(written))),
  );
  if (host !== undefined) addTarget(group, host.id);
}

export const loadBalancerMappers: Record<string, ResourceMapper> = {
  openstack_lb_loadbalancer_v2: mapLoadBalancer,
  openstack_lb_listener_v2: mapListener,
  openstack_lb_pool_v2: mapPool,
  openstack_lb_member_v2: mapMember,
  openstack_lb_members_v2: mapMembers,
};
