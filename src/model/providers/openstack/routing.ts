import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { RouteTable } from '../../types.ts';
import { attr, elements, nested, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/**
 * A router is the route table of the subnets it has interfaces in. With an
 * external gateway it is also an internet gateway, and its subnets have a
 * default route to it.
 */

/** Attributes that connect a router to the external (provider) network. */
const EXTERNAL_GATEWAY = ['external_network_id', 'external_gateway'];

function mapRouter(instance: ResourceInstance, context: MappingContext): void {
  const routerOrigin = origin(instance);
  // The router is also a gateway, which keeps the address as its id.
  const table: RouteTable = { id: `${instance.address}/routes`, segmentIds: [], main: false, routes: [], origin: routerOrigin };
  const path = EXTERNAL_GATEWAY.find((name) => attr(instance.body, name) !== undefined) ?? nested(instance.body, 'external_fixed_ip')[0]?.path;
  if (path !== undefined) {
    context.model.gateways.push({ id: instance.address, kind: 'internet', origin: routerOrigin });
    table.routes.push({
      destination: '0.0.0.0/0',
      target: { kind: 'internet-gateway', id: instance.address, written: `external gateway of ${instance.address}` },
      origin: routerOrigin,
      path,
    });
  }
  context.model.routeTables.push(table);
}

function mapRouterInterface(instance: ResourceInstance, context: MappingContext): void {
  const router = elements(instance.body, 'router_id')[0];
  const subnet = elements(instance.body, 'subnet_id')[0];
  context.afterMapping('resolve', () => {
    if (router === undefined || subnet === undefined) return;
    const routerId = referenceOf(router).address;
    const table = context.model.routeTables.find((candidate) => candidate.origin.address === routerId);
    const segmentId = resolveReference(referenceOf(subnet), 'segment', context);
    if (table === undefined || segmentId === undefined) return;
    if (!table.segmentIds.includes(segmentId)) table.segmentIds.push(segmentId);
    table.siteId ??= context.model.segments.find((segment) => segment.id === segmentId)?.siteId;
  });
}

export const routingMappers: Record<string, ResourceMapper> = {
  openstack_networking_router_v2: mapRouter,
  openstack_networking_router_interface_v2: mapRouterInterface,
};
