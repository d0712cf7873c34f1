import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Origin } from '../../location.ts';
import type { Route, RouteTable, RouteTargetKind } from '../../types.ts';
import { Unknown, type Known } from '../../unknown.ts';
import { elements, nested, origin, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf, resolveReference, resolveSite, type Reference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { cidrPeer } from '../rule-parts.ts';

/** Route tables, their routes and their subnet associations. */

/** Route target attributes and the kind each names. `gateway_id` is read by its value. */
const TARGET_ATTRIBUTES: ReadonlyArray<[string, RouteTargetKind]> = [
  ['gateway_id', 'internet-gateway'],
  ['nat_gateway_id', 'nat-gateway'],
  ['egress_only_gateway_id', 'egress-only-internet-gateway'],
  ['transit_gateway_id', 'transit-gateway'],
  ['vpc_peering_connection_id', 'peering'],
  ['network_interface_id', 'network-interface'],
  ['instance_id', 'instance'],
  ['local_gateway_id', 'other'],
  ['vpc_endpoint_id', 'other'],
  ['carrier_gateway_id', 'other'],
  ['core_network_arn', 'other'],
];

/** Returns the target kind of `gateway_id`, which names internet gateways, VPN gateways or `local`. */
function gatewayKind(reference: Reference): RouteTargetKind {
  const text = reference.address ?? reference.literal ?? '';
  if (text === 'local') return 'local';
  if (/(^|\.)aws_vpn_gateway\.|^vgw-/.test(text)) return 'vpn-gateway';
  if (/(^|\.)aws_egress_only_internet_gateway\.|^eigw-/.test(text)) {
    return 'egress-only-internet-gateway';
  }
  return 'internet-gateway';
}

function readRoute(
  body: EvaluatedBody,
  routeOrigin: Origin,
  path: string,
  context: MappingContext,
): Route {
  const destination = readDestination(body, context, routeOrigin.address);
  for (const [name, kind] of TARGET_ATTRIBUTES) {
    const element = elements(body, name)[0];
    if (element === undefined) continue;
    const reference = referenceOf(element);
    const targetKind = name === 'gateway_id' ? gatewayKind(reference) : kind;
    const route: Route = {
      destination,
      target: { kind: targetKind, written: reference.written },
      origin: routeOrigin,
      path,
    };
    context.afterMapping('resolve', () => resolveTarget(route, reference, context));
    return route;
  }
  return { destination, target: { kind: 'other', written: '' }, origin: routeOrigin, path };
}

function readDestination(body: EvaluatedBody, context: MappingContext, subject: string): Known<string> {
  const names = ['cidr_block', 'ipv6_cidr_block', 'destination_cidr_block', 'destination_ipv6_cidr_block'];
  for (const name of names) {
    const element = elements(body, name)[0];
    if (element === undefined) continue;
    const peer = cidrPeer(element, context, subject);
    if (peer.kind === 'cidr') return peer.cidr;
    if (peer.kind === 'unknown') return peer.unknown;
  }
  return new Unknown('destination is a prefix list or not written', subject);
}

function resolveTarget(route: Route, reference: Reference, context: MappingContext): void {
  const id = reference.address ?? reference.literal;
  if (id !== undefined && context.kindOf(id) !== undefined) route.target.id = id;
}

function mapRouteTable(instance: ResourceInstance, context: MappingContext): void {
  const tableOrigin = origin(instance);
  const table: RouteTable = {
    id: instance.address,
    segmentIds: [],
    main: instance.type === 'aws_default_route_table',
    routes: nested(instance.body, 'route').map((block) =>
      readRoute(block.body, tableOrigin, block.path, context),
    ),
    origin: tableOrigin,
  };
  context.model.routeTables.push(table);
  const vpc = elements(instance.body, 'vpc_id')[0] ?? elements(instance.body, 'default_route_table_id')[0];
  if (vpc === undefined) return;
  context.afterMapping('attach', () => {
    const siteId = resolveSite(referenceOf(vpc), context);
    if (siteId !== undefined) table.siteId = siteId;
  });
}

function findTable(element: Element | undefined, context: MappingContext): RouteTable | undefined {
  if (element === undefined) return undefined;
  const id = resolveReference(referenceOf(element), 'route-table', context);
  return context.model.routeTables.find((table) => table.id === id);
}

/** `aws_route`: one route of the table `route_table_id` names. */
function mapRoute(instance: ResourceInstance, context: MappingContext): void {
  const route = readRoute(instance.body, origin(instance), '', context);
  const tableElement = elements(instance.body, 'route_table_id')[0];
  context.afterMapping('attach', () => {
    const table = findTable(tableElement, context) ?? implicitTable(tableElement, instance, context);
    table.routes.push(route);
  });
}

/** Adds a table the code refers to but does not define, so that its routes stay in the model. */
function implicitTable(
  element: Element | undefined,
  instance: ResourceInstance,
  context: MappingContext,
): RouteTable {
  const reference = element === undefined ? undefined : referenceOf(element);
  const id = reference?.address ?? reference?.literal ?? `${instance.address}/route_table_id`;
  const table: RouteTable = {
    id,
    segmentIds: [],
    main: false,
    routes: [],
    origin: { address: id, location: instance.location, attributes: {}, moduleCalls: [] },
  };
  context.model.routeTables.push(table);
  return table;
}

function mapTableAssociation(instance: ResourceInstance, context: MappingContext): void {
  const tableElement = elements(instance.body, 'route_table_id')[0];
  const subnet = elements(instance.body, 'subnet_id')[0];
  context.afterMapping('resolve', () => {
    const table = findTable(tableElement, context);
    if (table === undefined || subnet === undefined) return;
    const segmentId = resolveReference(referenceOf(subnet), 'segment', context);
    if (segmentId !== undefined && !table.segmentIds.includes(segmentId)) {
      table.segmentIds.push(segmentId);
    }
  });
}

function mapMainAssociation(instance: ResourceInstance, context: MappingContext): void {
  const tableElement = elements(instance.body, 'route_table_id')[0];
  const vpc = elements(instance.body, 'vpc_id')[0];
  context.afterMapping('resolve', () => {
    const table = findTable(tableElement, context);
    if (table === undefined) return;
    table.main = true;
    if (vpc === undefined) return;
    const siteId = resolveSite(referenceOf(vpc), context);
    if (siteId !== undefined) table.siteId = siteId;
  });
}

export const routingMappers: Record<string, ResourceMapper> = {
  aws_route_table: mapRouteTable,
  aws_default_route_table: mapRouteTable,
  aws_route: mapRoute,
  aws_route_table_association: mapTableAssociation,
  aws_main_route_table_association: mapMainAssociation,
};
