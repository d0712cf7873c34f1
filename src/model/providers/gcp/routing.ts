import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Gateway, Route, RouteTable, RouteTargetKind } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { elements, origin, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import type { ResourceMapper } from '../registry.ts';
import { cidrPeer, writtenText } from '../rule-parts.ts';
import { recordName, resolveName } from './names.ts';

/**
 * Routes belong to a network and apply to all its subnetworks, so each network
 * gets one main route table holding its routes. `next_hop_gateway =
 * "default-internet-gateway"` is an internet route; Cloud NAT is a NAT gateway.
 * NOTE: the default route Google creates with each network is not added.
 */

const HOPS: ReadonlyArray<[string, RouteTargetKind]> = [
  ['next_hop_gateway', 'internet-gateway'],
  ['next_hop_instance', 'instance'],
  ['next_hop_ip', 'instance'],
  ['next_hop_vpn_tunnel', 'vpn-gateway'],
  ['next_hop_ilb', 'other'],
];

function mapRoute(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const routeOrigin = origin(instance);
  const range = elements(body, 'dest_range')[0];
  const peer = range === undefined ? undefined : cidrPeer(range, context, instance.address);
  const destination = peer?.kind === 'cidr' ? peer.cidr : peer?.kind === 'unknown' ? peer.unknown : new Unknown('dest_range not written', instance.address);
  const route: Route = { destination, target: { kind: 'other', written: '' }, origin: routeOrigin, path: '' };
  for (const [name, kind] of HOPS) {
    const hop = elements(body, name)[0];
    if (hop === undefined) continue;
    const written = writtenText(hop.value);
    route.target = { kind: name === 'next_hop_gateway' && !written.endsWith('default-internet-gateway') ? 'other' : kind, written };
    break;
  }
  const network = elements(body, 'network')[0];
  context.afterMapping('attach', () => {
    const siteId = resolveName('network', network, context);
    if (siteId === undefined) return;
    networkTable(siteId, context).routes.push(route);
  });
}

/** The one route table of a network, added with its first route. */
function networkTable(siteId: string, context: MappingContext): RouteTable {
  const id = `${siteId}/routes`;
  const existing = context.model.routeTables.find((table) => table.id === id);
  if (existing !== undefined) return existing;
  const site = context.model.sites.find((candidate) => candidate.id === siteId)!;
  const table: RouteTable = { id, siteId, segmentIds: [], main: true, routes: [], origin: site.origin };
  context.model.routeTables.push(table);
  return table;
}

function mapRouter(instance: ResourceInstance, context: MappingContext): void {
  recordName('router', instance, context);
  const network = elements(instance.body, 'network')[0];
  if (network !== undefined) context.lookup<Element>(ROUTER_NETWORKS).set(instance.address, network);
}

/** The `network` element of each router, by router address, for the NAT gateways on it. */
const ROUTER_NETWORKS = 'gcp-router-networks';

function mapRouterNat(instance: ResourceInstance, context: MappingContext): void {
  const gateway: Gateway = { id: instance.address, kind: 'nat', public: true, origin: origin(instance) };
  context.model.gateways.push(gateway);
  const router = elements(instance.body, 'router')[0];
  context.afterMapping('attach', () => {
    const routerId = resolveName('router', router, context);
    const network = routerId === undefined ? undefined : context.lookup<Element>(ROUTER_NETWORKS).get(routerId);
    const siteId = resolveName('network', network, context);
    if (siteId !== undefined) gateway.siteId = siteId;
  });
}

export const routingMappers: Record<string, ResourceMapper> = {
  google_compute_route: mapRoute,
  google_compute_router: mapRouter,
  google_compute_router_nat: mapRouterNat,
};
