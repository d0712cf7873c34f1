import type { SourceLocation } from '../location.ts';
import type { FirewallSet } from '../types.ts';
import type { MappingContext } from './context.ts';

/**
 * Finds the firewall set `id`, or adds an implicit one for a set that the
 * scanned code refers to but does not define (`sg-0123…`, a data source), so
 * that rules attached to it stay in the model.
 */
export function findOrAddSet(
  id: string,
  kind: FirewallSet['kind'],
  location: SourceLocation,
  context: MappingContext,
): FirewallSet {
  const existing = context.model.firewallSets.find((set) => set.id === id);
  if (existing !== undefined) return existing;
  const implicit: FirewallSet = {
    id,
    name: id,
    kind,
    segmentIds: [],
    rules: [],
    tags: {},
    origin: { address: id, location, attributes: {}, moduleCalls: [] },
  };
  context.model.firewallSets.push(implicit);
  return implicit;
}
