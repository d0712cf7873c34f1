import type { ResourceInstance } from '../../loaders/terraform/types.ts';
import type { MappingContext } from './context.ts';

/** Maps one resource instance into the model under construction. */
export type ResourceMapper = (instance: ResourceInstance, context: MappingContext) => void;

/**
 * A cloud or platform provider: the resource types it maps, all starting with
 * `prefix` (`aws_`, `azurerm_`). Adding a provider means adding one entry to
 * the registry passed to `buildModel`.
 */
export interface Provider {
  name: string;
  prefix: string;
  mappers: Record<string, ResourceMapper>;
}

/** Finds the mapper for a resource type; undefined for types no provider maps. */
export function findMapper(
  providers: readonly Provider[],
  resourceType: string,
): ResourceMapper | undefined {
  for (const provider of providers) {
    if (!resourceType.startsWith(provider.prefix)) continue;
    const mapper = provider.mappers[resourceType];
    if (mapper !== undefined) return mapper;
  }
  return undefined;
}
