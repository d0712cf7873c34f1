import createDebug from 'debug';
import { parseAddress, keyValue, type ParsedAddress } from './addresses.ts';
import type { PlanDocument, PlannedModule, PlannedResource, ResourceChange } from './document.ts';

const debug = createDebug('zoneguard:load:plan-instances');

/** One resource instance of the future state, before its values are turned into a body. */
export interface PlannedInstance {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  key?: number | string;
  parsed: ParsedAddress;
  /** The planned values; unknown parts are null or missing here and marked in `afterUnknown`. */
  after: unknown;
  /** `after_unknown`: `true` where a value is known only after apply. */
  afterUnknown: unknown;
}

/** Actions that leave nothing behind: the resource is not part of the future state. */
function isRemoval(actions: string[]): boolean {
  return actions.length > 0 && actions.every((action) => action === 'delete' || action === 'forget');
}

/**
 * The instances the plan leaves in place, in plan order. `resource_changes` is
 * read first because only it marks unknown values; `planned_values` and, for
 * data sources, `prior_state` add what it does not list.
 */
export function plannedInstances(plan: PlanDocument): { instances: PlannedInstance[]; removed: string[] } {
  const byAddress = new Map<string, PlannedInstance>();
  const removed: string[] = [];
  for (const change of plan.resource_changes ?? []) {
    const actions = change.change?.actions ?? [];
    if (isRemoval(actions)) removed.push(change.address);
    else byAddress.set(change.address, fromChange(change));
  }
  const skip = (address: string): boolean => byAddress.has(address) || removed.includes(address);
  for (const resource of moduleResources(plan.planned_values?.root_module)) {
    if (!skip(resource.address)) byAddress.set(resource.address, fromPlanned(resource));
  }
  for (const resource of moduleResources(plan.prior_state?.values?.root_module)) {
    if (resource.mode === 'data' && !skip(resource.address)) byAddress.set(resource.address, fromPlanned(resource));
  }
  debug('%d instances in the future state, %d removed by the plan', byAddress.size, removed.length);
  return { instances: [...byAddress.values()], removed };
}

function fromChange(change: ResourceChange): PlannedInstance {
  return {
    ...identity(change),
    after: change.change?.after ?? null,
    afterUnknown: change.change?.after_unknown ?? false,
  };
}

function fromPlanned(resource: PlannedResource): PlannedInstance {
  return { ...identity(resource), after: resource.values ?? null, afterUnknown: false };
}

function identity(resource: PlannedResource | ResourceChange): Omit<PlannedInstance, 'after' | 'afterUnknown'> {
  const parsed = parseAddress(resource.address);
  const key = resource.index ?? keyValue(parsed.keyText);
  return {
    address: resource.address,
    mode: resource.mode === 'data' ? 'data' : 'managed',
    type: resource.type,
    name: resource.name,
    ...(key === undefined ? {} : { key }),
    parsed,
  };
}

/** Every resource of a planned module and its child modules, depth first. */
function moduleResources(module: PlannedModule | undefined): PlannedResource[] {
  if (module === undefined) return [];
  const children = (module.child_modules ?? []).flatMap(moduleResources);
  return [...(module.resources ?? []), ...children];
}
