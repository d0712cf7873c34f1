import type { PolicyResource } from '@pulumi/policy';
import type { PulumiResource } from '../../../loaders/pulumi/index.ts';

/** The key under which CrossGuard's unknown-checking proxy hands out the object it wraps. */
const PROXY_TARGET = '__getSpecialProxyTarget';

/**
 * A CrossGuard resource as the Pulumi loader reads resources. Properties come
 * wrapped in a proxy that throws on unknown values; the wrapped object holds
 * them as Pulumi's placeholders, which the loader reads as Unknowns, so a
 * policy never fails with "can't be known during preview".
 */
export function fromPolicyResource(resource: Pick<PolicyResource, 'type' | 'name' | 'urn' | 'props'> & Partial<Pick<PolicyResource, 'propertyDependencies'>>): PulumiResource {
  const converted: PulumiResource = {
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    mode: 'managed',
    inputs: unwrap(resource.props) as Record<string, unknown>,
  };
  const dependencies = resource.propertyDependencies;
  if (dependencies !== undefined) {
    converted.propertyDependencies = Object.fromEntries(
      Object.entries(dependencies).map(([property, list]) => [property, list.map((dependency) => dependency.urn)]),
    );
  }
  return converted;
}

function unwrap(props: unknown): unknown {
  if (typeof props !== 'object' || props === null) return props;
  const target = (props as Record<string, unknown>)[PROXY_TARGET];
  return target ?? props;
}
