import { buildMatrix } from '../analysis/reachability/matrix.ts';
import { targetSiteId } from '../analysis/reachability/site-scope.ts';
import type { Flow, Reachability } from '../analysis/reachability/types.ts';
import type { InfrastructureModel } from '../model/types.ts';
import { NO_SITE } from '../model/zones/listing.ts';
import type { SiteMatrix } from './result.ts';

/**
 * Splits the flows of one root module by the site of their target and builds
 * the zone-to-zone matrix of each, in model order of the sites. The site is
 * the one the reachability scoped the flow's sources to: the site of the set
 * whose rule admits the flow, else the target host's. A flow whose target has
 * no site goes to `(no site)`.
 */
export function siteMatrices(model: InfrastructureModel, reachability: Reachability): SiteMatrix[] {
  const hosts = new Map(model.hosts.map((host) => [host.id, host]));
  const sets = new Map(model.firewallSets.map((set) => [set.id, set]));
  const setOfRule = new Map(model.firewallSets.flatMap((set) => set.rules.map((rule) => [rule.id, set] as const)));
  const flowsBySite = new Map<string, Flow[]>(model.sites.map((site) => [site.id, []]));
  for (const flow of reachability.flows) {
    const target = flow.target;
    const siteId =
      target.kind === 'host'
        ? targetSiteId(setOfRule.get(flow.ruleId), hosts.get(target.hostId))
        : sets.get(target.setId)?.siteId;
    const key = siteId ?? NO_SITE;
    const flows = flowsBySite.get(key) ?? [];
    flows.push(flow);
    flowsBySite.set(key, flows);
  }
  return [...flowsBySite].map(([site, flows]) => ({ site, cells: buildMatrix(flows) }));
}
