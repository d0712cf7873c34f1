import type { EnvironmentTag } from '../../../model/evidence.ts';
import type { InfrastructureModel } from '../../../model/types.ts';

/** Environments that are not production: test, development, staging and the like. */
export function isProduction(environment: string): boolean {
  return /^(prod|production|prd|live)$/i.test(environment);
}

/** The environment tag of each resource, by id. */
export function environmentsById(model: InfrastructureModel): Map<string, EnvironmentTag> {
  const byId = new Map<string, EnvironmentTag>();
  for (const tag of model.evidence?.environments ?? []) byId.set(tag.resourceId, tag);
  return byId;
}
