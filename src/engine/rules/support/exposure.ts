import type { Flow } from '../../../analysis/reachability/types.ts';
import type { FirewallRule } from '../../../model/types.ts';
import { isUnknown } from '../../../model/unknown.ts';
import { exposedServices, trafficOf, type NamedService } from './services.ts';

/** Flows of one rule that expose some of a service list, and what they expose. */
export interface Exposure {
  flows: Flow[];
  services: NamedService[];
}

/** Collects the services of `list` that any of the flows opens, and those flows. */
export function exposureOf(flows: readonly Flow[], list: readonly NamedService[]): Exposure {
  const exposing: Flow[] = [];
  const services: NamedService[] = [];
  for (const flow of flows) {
    const exposed = exposedServices(trafficOf(flow.protocol, flow.ports), list);
    if (exposed.length === 0) continue;
    exposing.push(flow);
    services.push(...exposed);
  }
  return { flows: exposing, services };
}

/** True when a rule may open some of the list: its protocol or ports are unknown, or they overlap it. */
export function mayOpen(rule: FirewallRule, list: readonly NamedService[]): boolean {
  if (isUnknown(rule.protocol) || isUnknown(rule.ports)) return true;
  return exposedServices(trafficOf(rule.protocol, rule.ports), list).length > 0;
}
