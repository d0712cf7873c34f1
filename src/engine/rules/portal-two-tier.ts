import { PortSet } from '../../analysis/net/port-set.ts';
import type { Flow, Reachability } from '../../analysis/reachability/types.ts';
import { locate } from '../../model/location.ts';
import type { Host, HostRole, InfrastructureModel, PortRange } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import { enginePort } from './support/portal-database.ts';
import { databaseRole, internetFacingTargets, webRole } from './support/portal.ts';
import { placementsOf } from './support/portal-zones.ts';

/** The ports that make a DMZ host a web server. */
const WEB_PORTS = PortSet.of([
  { from: 80, to: 80 },
  { from: 443, to: 443 },
]);

/**
 * A web portal keeps its web servers and its database servers on separate
 * hosts: a host that is in the web tier must not also be a database server.
 */
export default defineRule({
  id: 'portal-two-tier',
  check(context) {
    const behindLoadBalancer = internetFacingTargets(context.model);
    for (const host of context.model.hosts) {
      if (host.kind === 'database' || host.kind === 'load-balancer') continue;
      // An autoscaling group copies its template's roles; the template's user data is the place to fix.
      if (host.kind === 'autoscaling-group' && host.templateId !== undefined) continue;
      const web = webEvidence(host, context.model, context.reachability, behindLoadBalancer);
      const database = databaseEvidence(host);
      if (web === undefined || database === undefined) continue;
      context.report({
        status: 'fail',
        messageId: 'database-on-web-host',
        data: { host: host.id, web, database: database.evidence },
        address: host.id,
        origin: host.origin,
        location: locate(host.origin, roleAttribute(database)),
        detail: `web+database:${database.role}`,
      });
    }
  },
});

/** Explains why a host is in the web tier, or returns undefined when it is not. */
function webEvidence(
  host: Host,
  model: InfrastructureModel,
  reachability: Reachability,
  behindLoadBalancer: Map<string, Host>,
): string | undefined {
  const role = webRole(host);
  if (role !== undefined) return role.evidence;
  const loadBalancer = behindLoadBalancer.get(host.id);
  if (loadBalancer !== undefined) return `target of internet-facing ${loadBalancer.id}`;
  const inDmz = placementsOf(host, model).some((placement) => placement.zone === 'dmz');
  if (inDmz && servesWebPorts(host, reachability)) return 'DMZ host serving 80/443';
  return undefined;
}

function servesWebPorts(host: Host, reachability: Reachability): boolean {
  const opensWebPort = (ports: PortRange[]): boolean => !PortSet.of(ports).intersect(WEB_PORTS).isEmpty();
  const declared = host.services.some((service) => service.protocol === 'tcp' && opensWebPort(service.ports));
  if (declared) return true;
  return (hostFlows(reachability).get(host.id) ?? []).some(
    (flow) => (flow.protocol === 'tcp' || flow.protocol === 'all') && opensWebPort(flow.ports),
  );
}

/** Flows that target a host, by host id, built once per analysis rather than searched per host. */
const hostFlowIndexes = new WeakMap<readonly Flow[], { count: number; byHost: Map<string, Flow[]> }>();

function hostFlows(reachability: Reachability): Map<string, Flow[]> {
  let index = hostFlowIndexes.get(reachability.flows);
  if (index === undefined || index.count !== reachability.flows.length) {
    index = { count: reachability.flows.length, byHost: new Map() };
    for (const flow of reachability.flows) {
      if (flow.target.kind !== 'host') continue;
      const flows = index.byHost.get(flow.target.hostId);
      if (flows === undefined) index.byHost.set(flow.target.hostId, [flow]);
      else flows.push(flow);
    }
    hostFlowIndexes.set(reachability.flows, index);
  }
  return index.byHost;
}

/** Finds the role or installed engine that makes the host a database server. */
function databaseEvidence(host: Host): HostRole | undefined {
  const role = databaseRole(host);
  if (role !== undefined) return role;
  const engine = host.services.find(
    (service) => service.source === 'user-data' && enginePort(service.name) !== undefined,
  );
  if (engine === undefined) return undefined;
  return { role: engine.name, source: 'user-data', evidence: `user data installs ${engine.name}` };
}

/** Names the attribute that carries the database role, so the finding points at it. */
function roleAttribute(role: HostRole): string | undefined {
  switch (role.source) {
    case 'user-data':
      return 'user_data';
    case 'tag':
      return 'tags';
    default:
      return undefined;
  }
}
