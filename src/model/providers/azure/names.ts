import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import { knownStr, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf } from '../references.ts';

/**
 * Azure resources name their parent by `name` inside a resource group
 * (`virtual_network_name`, `network_security_group_name`). A reference such as
 * `azurerm_network_security_group.edge.name` evaluates to the configured name,
 * so parents are found through a table of names per kind.
 */

export type NamedKind = 'vnet' | 'nsg' | 'route-table';

const TABLE = 'azure-names';
/** Marks a name that two resources share across resource groups. */
const AMBIGUOUS = '';

function table(kind: NamedKind, context: MappingContext): Map<string, string> {
  return context.lookup<string>(`${TABLE}:${kind}`);
}

/** Records the `name` and `resource_group_name` of a parent resource. */
export function recordName(kind: NamedKind, instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name');
  if (name === undefined) return;
  const names = table(kind, context);
  const group = knownStr(instance.body, 'resource_group_name');
  if (group !== undefined) names.set(`${group.toLowerCase()}/${name}`, instance.address);
  const bare = names.get(`*/${name}`);
  names.set(`*/${name}`, bare === undefined || bare === instance.address ? instance.address : AMBIGUOUS);
}

/**
 * The address of the parent a name element names: a reference to the parent
 * itself, or its name in the resource group (any group when the group is not
 * known and the name is unique).
 */
export function resolveName(
  kind: NamedKind,
  name: Element | undefined,
  resourceGroup: Element | undefined,
  context: MappingContext,
): string | undefined {
  if (name === undefined) return undefined;
  const reference = referenceOf(name);
  if (reference.address !== undefined) return reference.address;
  if (reference.literal === undefined) return undefined;
  const names = table(kind, context);
  const group = resourceGroup === undefined ? undefined : referenceOf(resourceGroup).literal;
  const inGroup = group === undefined ? undefined : names.get(`${group.toLowerCase()}/${reference.literal}`);
  const bare = names.get(`*/${reference.literal}`);
  return inGroup ?? (bare === AMBIGUOUS ? undefined : bare);
}
