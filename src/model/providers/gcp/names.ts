import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import { knownStr, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf } from '../references.ts';

/**
 * Google resources name each other by reference (`.id`, `.self_link`), by
 * name (`.name` evaluates to the configured name), or by a literal self link
 * (`projects/p/global/networks/vpc`), whose last part is the name.
 */

export type NamedKind = 'network' | 'subnetwork' | 'router';

function table(kind: NamedKind, context: MappingContext): Map<string, string> {
  return context.lookup<string>(`gcp-names:${kind}`);
}

export function recordName(kind: NamedKind, instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'name');
  if (name !== undefined) table(kind, context).set(name, instance.address);
}

/** The address of the resource an element names, when the scanned code defines it. */
export function resolveName(kind: NamedKind, element: Element | undefined, context: MappingContext): string | undefined {
  if (element === undefined) return undefined;
  const reference = referenceOf(element);
  if (reference.address !== undefined) return reference.address;
  if (reference.literal === undefined) return undefined;
  const name = reference.literal.split('/').pop() ?? reference.literal;
  return table(kind, context).get(name);
}
