import { buildMatrix } from '../analysis/reachability/matrix.ts';
import type { Flow, Reachability } from '../analysis/reachability/types.ts';
import type { InfrastructureModel } from '../model/types.ts';
import { NO_SITE } from '../model/zones/listing.ts';
import type { SiteMatrix } from './result.ts';

/**
 * Splits the flows of one root module by the site of their target and builds
 * the zone-to-zone matrix of each, in model order of the sites. A flow whose
 * target has no site goes to `(no site)`.
 */
export function siteMatrices(model: InfrastructureModel, reachability: Reachability): SiteMatrix[] {
  const siteOfHost = new Map(model.hosts.map((host) => [host.id, host.siteId]));
  const siteOfSet = new Map(model.firewallSets.map((set) => [set.id, set.siteId]));
  const flowsBySite = new Map<string, Flow[]>(model.sites.map((site) => [site.id, []]));
  for (const flow of reachability.flows) {
    const siteId =
      flow.target.kind === 'host' ? siteOfHost.get(flow.target.hostId) : siteOfSet.get(flow.target.setId);
    const key = siteId ?? NO_SITE;
    const flows = flowsBySite.get(key) ?? [];
    flows.push(flow);
    flowsBySite.set(key, flows);
  }
  return [...flowsBySite].map(([site, flows]) => ({ site, cells: buildMatrix(flows) }));
}
