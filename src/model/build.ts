import createDebug from 'debug';
import type { ZoneguardConfig } from '../engine/config.ts';
import type { ResourceInstance } from '../loaders/terraform/types.ts';
import { MappingContext } from './providers/context.ts';
import { collectCredentials } from './providers/credentials.ts';
import { recordDataSources } from './providers/data-sources.ts';
import { DEFAULT_PROVIDERS } from './providers/providers.ts';
import { findMapper, type Provider } from './providers/registry.ts';
import { emptyModel, type InfrastructureModel } from './types.ts';
import { classifySegment } from './zones/classify.ts';

const debug = createDebug('zoneguard:model:build');

export interface BuildOptions {
  config?: ZoneguardConfig;
  /** The providers to map with; the built-in ones when absent. */
  providers?: readonly Provider[];
}

/**
 * Builds the provider-neutral model: maps every managed resource through its
 * provider, links references once all objects exist, then classifies the zone
 * of each segment. Resource types no provider maps are ignored.
 */
export function buildModel(
  resources: readonly ResourceInstance[],
  options: BuildOptions = {},
): InfrastructureModel {
  const model = emptyModel();
  const context = new MappingContext(model, options.config);
  const providers = options.providers ?? DEFAULT_PROVIDERS;
  recordDataSources(resources, context);
  let unmapped = 0;
  for (const instance of resources) {
    if (instance.mode !== 'managed') continue;
    collectCredentials(instance, context);
    const mapper = findMapper(providers, instance.type);
    if (mapper === undefined) unmapped++;
    else mapper(instance, context);
  }
  context.runLinkSteps();
  for (const segment of model.segments) segment.zone = classifySegment(segment, options.config);
  debug('mapped %d resources (%d of unmapped types)', resources.length, unmapped);
  return model;
}
