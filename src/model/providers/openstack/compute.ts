import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Host, Segment } from '../../types.ts';
import { cidrWithin } from '../cidrs.ts';
import { Unknown } from '../../unknown.ts';
import { bool, elements, knownStr, nested, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { addRoles, rolesFromUserData } from '../host-roles.ts';
import { canonicalAddress, linkGroups, newHost } from '../hosts.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { segmentsOfNetwork } from './network.ts';
import { listTags } from './tags.ts';

/**
 * Ports and compute instances. A port is not a model object: an instance takes
 * its subnets, addresses and security groups from the ports it names, or from
 * the networks it names directly.
 */

interface Port {
  networks: Element[];
  subnets: Element[];
  addresses: string[];
  groups: Element[];
  /** The instance that uses the port, once known, for floating IPs. */
  hostId?: string;
}

export const PORTS = 'openstack-ports';

function mapPort(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const port: Port = { networks: elements(body, 'network_id'), subnets: [], addresses: [], groups: [] };
  for (const fixed of nested(body, 'fixed_ip')) {
    port.subnets.push(...elements(fixed.body, 'subnet_id'));
    port.addresses.push(...addresses(fixed.body, 'ip_address'));
  }
  // With port security off, no security group filters the port.
  if (bool(body, 'port_security_enabled') !== false) port.groups.push(...elements(body, 'security_group_ids'));
  context.lookup<Port>(PORTS).set(instance.address, port);
}

function addresses(body: EvaluatedBody, name: string): string[] {
  return elements(body, name).flatMap((element) => {
    const canonical = typeof element.value === 'string' ? canonicalAddress(element.value) : undefined;
    return canonical === undefined ? [] : [canonical];
  });
}

function mapInstance(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const host = newHost(instance, 'instance', context);
  host.name = knownStr(body, 'name') ?? host.name;
  host.tags = { ...listTags(body), ...host.tags };
  const userData = knownStr(body, 'user_data');
  if (userData !== undefined) {
    host.userData = userData;
    addRoles(host.roles, rolesFromUserData(userData));
  }
  context.model.hosts.push(host);
  const networks = nested(body, 'network');
  for (const network of networks) host.addresses.push(...addresses(network.body, 'fixed_ip_v4'));
  linkGroups(host, elements(body, 'security_groups'), context);
  context.afterMapping('attach', () => placeHost(host, networks.map((network) => network.body), context));
}

/** Places the host through each `network` block: its port, else its subnet or whole network. */
function placeHost(host: Host, networks: EvaluatedBody[], context: MappingContext): void {
  const ports = context.lookup<Port>(PORTS);
  for (const network of networks) {
    const portElement = elements(network, 'port')[0];
    const portKey = portElement === undefined ? undefined : referenceOf(portElement).address;
    const port = portKey === undefined ? undefined : ports.get(portKey);
    if (port !== undefined) {
      port.hostId = host.id;
      host.addresses.push(...port.addresses);
      linkGroups(host, port.groups, context);
    }
    const subnets = port?.subnets ?? [];
    const networkIds = port?.networks ?? elements(network, 'uuid');
    context.afterMapping('resolve', () => placeInNetwork(host, subnets, networkIds, context));
  }
  if (networks.length === 0) host.segmentUnknown = new Unknown('no network written: placed by the cloud default', host.id);
}

function placeInNetwork(host: Host, subnets: Element[], networks: Element[], context: MappingContext): void {
  const segmentIds = subnets.flatMap((subnet) => resolveReference(referenceOf(subnet), 'segment', context) ?? []);
  if (segmentIds.length === 0) {
    for (const network of networks) {
      const siteId = resolveReference(referenceOf(network), 'site', context);
      if (siteId !== undefined) segmentIds.push(...segmentsHolding(host, segmentsOfNetwork(siteId, context)).map((segment) => segment.id));
    }
  }
  if (segmentIds.length === 0) host.segmentUnknown ??= new Unknown('the network or subnet is defined outside the scanned code', host.id);
  for (const id of segmentIds) if (!host.segmentIds.includes(id)) host.segmentIds.push(id);
  host.siteId ??= context.model.segments.find((segment) => segment.id === host.segmentIds[0])?.siteId;
}

/** The segments that contain one of the host's fixed addresses; all of them when none does. */
function segmentsHolding(host: Host, segments: Segment[]): Segment[] {
  const holding = segments.filter((segment) =>
    segment.cidrs.some((cidr) => host.addresses.some((address) => cidrWithin(address.includes(':') ? `${address}/128` : `${address}/32`, cidr))),
  );
  return holding.length > 0 ? holding : segments;
}

export const computeMappers: Record<string, ResourceMapper> = {
  openstack_networking_port_v2: mapPort,
  openstack_compute_instance_v2: mapInstance,
};
