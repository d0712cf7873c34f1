import type { InfrastructureModel } from '../model/types.ts';

/**
 * Counts of the objects a scan found to check, by model collection: `sites`, `segments`,
 * `hosts`, `firewallRules`, `routeTables`, `gateways`, `volumes`,
 * `credentials`. Reports use it to tell a rule that passed from one that had
 * nothing to check.
 */
export type Inventory = Record<string, number>;

/** Counts the objects of one model. */
export function inventoryOf(model: InfrastructureModel): Inventory {
  return {
    sites: model.sites.length,
    segments: model.segments.length,
    hosts: model.hosts.length,
    firewallRules: model.firewallSets.reduce((sum, set) => sum + set.rules.length, 0),
    routeTables: model.routeTables.length,
    gateways: model.gateways.length,
    volumes: model.volumes.length,
    credentials: model.credentials.length,
  };
}

/** Adds the counts of one root module to the running total. */
export function addInventory(total: Inventory, more: Inventory): void {
  for (const [collection, count] of Object.entries(more)) total[collection] = (total[collection] ?? 0) + count;
}
