import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Known } from '../../unknown.ts';
import { elements, knownStr, nested, num, origin, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { linkSegments, newHost } from '../hosts.ts';
import { referenceOf } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { addTarget, findLoadBalancer, findTargetGroup, forwardTo, newTargetGroup } from '../target-groups.ts';
import { hostOfInterface } from './interfaces.ts';

/**
 * Load balancers: internet-facing when a frontend has a public IP. Each
 * backend pool is a target group of its balancer; VMs join a pool through
 * the network interface association, and load balancing rules add listeners.
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

/** `azurerm_lb_backend_address_pool`: a target group of the balancer `loadbalancer_id` names. */
function mapBackendPool(instance: ResourceInstance, context: MappingContext): void {
  const group = newTargetGroup(instance, context, '');
  const balancer = elements(instance.body, 'loadbalancer_id')[0];
  context.afterMapping('resolve', () => {
    const host = balancer === undefined ? undefined : findLoadBalancer(context, referenceOf(balancer).address);
    if (host !== undefined) forwardTo(host, group);
  });
}

/** `azurerm_network_interface_backend_address_pool_association`: the VM of the interface joins the pool. */
function mapPoolAssociation(instance: ResourceInstance, context: MappingContext): void {
  const nic = elements(instance.body, 'network_interface_id')[0];
  const pool = elements(instance.body, 'backend_address_pool_id')[0];
  if (nic === undefined || pool === undefined) return;
  context.afterMapping('resolve', () => {
    const group = findTargetGroup(context, referenceOf(pool).address);
    const hostId = hostOfInterface(nic, context);
    if (group !== undefined && hostId !== undefined) addTarget(group, hostId);
  });
}

/** `azurerm_lb_rule`: a listener on the frontend port of its balancer. */
function mapRule(instance: ResourceInstance, context: MappingContext): void {
  const balancer = elements(instance.body, 'loadbalancer_id')[0];
  const port = num(instance.body, 'frontend_port');
  const protocol = knownStr(instance.body, 'protocol') ?? 'unknown';
  const ruleOrigin = origin(instance);
  context.afterMapping('resolve', () => {
    const info = balancer === undefined ? undefined : findLoadBalancer(context, referenceOf(balancer).address)?.loadBalancer;
    if (info !== undefined && typeof port === 'number') info.listeners.push({ protocol, port, origin: ruleOrigin, path: '' });
  });
}

export const loadBalancerMappers: Record<string, ResourceMapper> = {
  azurerm_lb: mapLoadBalancer,
  azurerm_lb_backend_address_pool: mapBackendPool,
  azurerm_network_interface_backend_address_pool_association: mapPoolAssociation,
  azurerm_lb_rule: mapRule,
};
