import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Origin } from '../../location.ts';
import type { Route, RouteTable, RouteTargetKind } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { elements, knownStr, nested, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { findOrAddTable } from './route-tables.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { cidrPeer } from '../rule-parts.ts';
import { recordName, resolveName } from './names.ts';

/**
 * Route tables and user-defined routes. `next_hop_type = "Internet"` sends
 * traffic straight to the internet, which the model calls an internet gateway.
 * NOTE: Azure's system routes (0.0.0.0/0 to Internet when nothing overrides it)
 * are not added; only written routes are in the model.
 */

const NEXT_HOPS: Record<string, RouteTargetKind> = {
  internet: 'internet-gateway',
  virtualappliance: 'instance',
  virtualnetworkgateway: 'vpn-gateway',
  vnetlocal: 'local',
  none: 'other',
};

function readRoute(body: EvaluatedBody, routeOrigin: Origin, path: string, context: MappingContext): Route {
  const prefix = elements(body, 'address_prefix')[0];
  const peer = prefix === undefined ? undefined : cidrPeer(prefix, context, routeOrigin.address);
  const destination =
    peer?.kind === 'cidr' ? peer.cidr : peer?.kind === 'unknown' ? peer.unknown : new Unknown('destination is a service tag or not written', routeOrigin.address);
  const hop = knownStr(body, 'next_hop_type') ?? '';
  const kind = NEXT_HOPS[hop.toLowerCase()] ?? 'other';
  const written = knownStr(body, 'next_hop_in_ip_address') ?? hop;
  return { destination, target: { kind, written }, origin: routeOrigin, path };
}

function mapRouteTable(instance: ResourceInstance, context: MappingContext): void {
  const tableOrigin = origin(instance);
  const table: RouteTable = {
    id: instance.address,
    segmentIds: [],
    main: false,
    routes: nested(instance.body, 'route').map((block) => readRoute(block.body, tableOrigin, block.path, context)),
    origin: tableOrigin,
  };
  context.model.routeTables.push(table);
  recordName('route-table', instance, context);
}

/** `azurerm_route`: one route of the table its `route_table_name` names. */
function mapRoute(instance: ResourceInstance, context: MappingContext): void {
  const route = readRoute(instance.body, origin(instance), '', context);
  const name = elements(instance.body, 'route_table_name')[0];
  const group = elements(instance.body, 'resource_group_name')[0];
  context.afterMapping('attach', () => {
    const id = resolveName('route-table', name, group, context) ?? `${instance.address}/route_table_name`;
    findOrAddTable(id, instance.location, context).routes.push(route);
  });
}

function mapTableAssociation(instance: ResourceInstance, context: MappingContext): void {
  const tableElement = elements(instance.body, 'route_table_id')[0];
  const subnet = elements(instance.body, 'subnet_id')[0];
  context.afterMapping('resolve', () => {
    if (tableElement === undefined || subnet === undefined) return;
    const tableId = resolveReference(referenceOf(tableElement), 'route-table', context);
    const table = context.model.routeTables.find((candidate) => candidate.id === tableId);
    const segmentId = resolveReference(referenceOf(subnet), 'segment', context);
    if (table === undefined || segmentId === undefined) return;
    if (!table.segmentIds.includes(segmentId)) table.segmentIds.push(segmentId);
    table.siteId ??= context.model.segments.find((segment) => segment.id === segmentId)?.siteId;
  });
}

export const routingMappers: Record<string, ResourceMapper> = {
  azurerm_route_table: mapRouteTable,
  azurerm_route: mapRoute,
  azurerm_subnet_route_table_association: mapTableAssociation,
};
