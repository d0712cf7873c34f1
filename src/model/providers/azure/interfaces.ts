import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Host } from '../../types.ts';
import { isUnknown, Unknown, type Known } from '../../unknown.ts';
import { elements, nested, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { canonicalAddress, linkGroups, linkSegments } from '../hosts.ts';
import { referenceOf } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/**
 * Network interfaces are not model objects: a VM takes its subnets, private
 * addresses, public address and NSGs from the interfaces it names.
 */

interface NetworkInterface {
  subnets: Element[];
  addresses: string[];
  /** True with a public IP in any IP configuration; Unknown when it cannot be told. */
  publicAddress: Known<boolean>;
}

const INTERFACES = 'azure-network-interfaces';
/** NSG elements of `azurerm_network_interface_security_group_association`, by interface address. */
const INTERFACE_GROUPS = 'azure-network-interface-groups';
/** The host that names each interface, by interface address, for backend pool associations. */
const INTERFACE_HOSTS = 'azure-network-interface-hosts';

function mapNetworkInterface(instance: ResourceInstance, context: MappingContext): void {
  const record: NetworkInterface = { subnets: [], addresses: [], publicAddress: false };
  for (const configuration of nested(instance.body, 'ip_configuration')) {
    record.subnets.push(...elements(configuration.body, 'subnet_id'));
    for (const element of elements(configuration.body, 'private_ip_address')) {
      const address = typeof element.value === 'string' ? canonicalAddress(element.value) : undefined;
      if (address !== undefined) record.addresses.push(address);
    }
    for (const element of elements(configuration.body, 'public_ip_address_id')) {
      record.publicAddress = combine(record.publicAddress, publicIpOf(element));
    }
  }
  context.lookup<NetworkInterface>(INTERFACES).set(instance.address, record);
}

/** A public IP named by reference or literal id is public; a computed value without a target is unknown. */
function publicIpOf(element: Element): Known<boolean> {
  const reference = referenceOf(element);
  if (reference.unknown !== undefined) return reference.unknown;
  return true;
}

function combine(a: Known<boolean>, b: Known<boolean>): Known<boolean> {
  if (a === true || b === true) return true;
  return isUnknown(a) ? a : b;
}

function mapInterfaceGroupAssociation(instance: ResourceInstance, context: MappingContext): void {
  const nic = elements(instance.body, 'network_interface_id')[0];
  const group = elements(instance.body, 'network_security_group_id')[0];
  if (nic === undefined || group === undefined) return;
  const reference = referenceOf(nic);
  const key = reference.address ?? reference.literal;
  if (key === undefined) return;
  const groups = context.lookup<Element[]>(INTERFACE_GROUPS);
  groups.set(key, [...(groups.get(key) ?? []), group]);
}

/**
 * Places a host through the interfaces `nics` names: their subnets, addresses,
 * public address and NSGs. An interface the code does not define leaves the
 * segment unknown.
 */
export function linkInterfaces(host: Host, nics: readonly Element[], context: MappingContext): void {
  context.afterMapping('attach', () => {
    const subnets: Element[] = [];
    const groups: Element[] = [];
    for (const nic of nics) {
      const reference = referenceOf(nic);
      const key = reference.address ?? reference.literal ?? '';
      context.lookup<string>(INTERFACE_HOSTS).set(key, host.id);
      const record = context.lookup<NetworkInterface>(INTERFACES).get(key);
      if (record === undefined) {
        host.segmentUnknown ??= new Unknown('network interface defined outside the scanned code', reference.written);
        continue;
      }
      subnets.push(...record.subnets);
      host.addresses.push(...record.addresses);
      host.publicAddress = combine(host.publicAddress, record.publicAddress);
      groups.push(...(context.lookup<Element[]>(INTERFACE_GROUPS).get(key) ?? []));
    }
    linkSegments(host, subnets, context);
    linkGroups(host, groups, context);
  });
}

/** Returns the id of the host that names the interface; known once the `attach` phase has run. */
export function hostOfInterface(nic: Element, context: MappingContext): string | undefined {
  const reference = referenceOf(nic);
  return context.lookup<string>(INTERFACE_HOSTS).get(reference.address ?? reference.literal ?? '');
}

export const interfaceMappers: Record<string, ResourceMapper> = {
  azurerm_network_interface: mapNetworkInterface,
  azurerm_network_interface_security_group_association: mapInterfaceGroupAssociation,
};
