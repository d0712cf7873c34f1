import type { ResourceInstance } from '../../loaders/terraform/types.ts';
import type { Host, TargetGroup } from '../types.ts';
import { origin } from './body.ts';
import type { MappingContext } from './context.ts';
import { addRoles } from './host-roles.ts';

/**
 * Backend pools of load balancers, shared by the providers whose pools are
 * separate resources (Azure backend pools, OpenStack pools, GCP backend
 * services). Each pool becomes a target group, and members are added by id.
 */

/** Creates the target group of a pool resource and marks its members as web servers once they are linked. */
export function newTargetGroup(instance: ResourceInstance, context: MappingContext, protocol: string, port?: number): TargetGroup {
  const group: TargetGroup = { id: instance.address, protocol, targetHostIds: [], origin: origin(instance) };
  if (port !== undefined) group.port = port;
  context.model.targetGroups.push(group);
  context.afterMapping('derive', () => markTargets(group, context));
  return group;
}

export function findTargetGroup(context: MappingContext, id: string | undefined): TargetGroup | undefined {
  return context.model.targetGroups.find((group) => group.id === id);
}

export function findLoadBalancer(context: MappingContext, id: string | undefined): Host | undefined {
  return context.model.hosts.find((host) => host.id === id && host.loadBalancer !== undefined);
}

export function addTarget(group: TargetGroup, hostId: string): void {
  if (!group.targetHostIds.includes(hostId)) group.targetHostIds.push(hostId);
}

/** Records that `balancer` forwards to `group`. */
export function forwardTo(balancer: Host, group: TargetGroup): void {
  const info = balancer.loadBalancer;
  if (info !== undefined && !info.targetGroupIds.includes(group.id)) info.targetGroupIds.push(group.id);
}

/** Gives each target the web role, because a host behind a load balancer serves web traffic. */
function markTargets(group: TargetGroup, context: MappingContext): void {
  for (const hostId of group.targetHostIds) {
    const host = context.model.hosts.find((candidate) => candidate.id === hostId);
    if (host === undefined) continue;
    addRoles(host.roles, [{ role: 'web', source: 'load-balancer-target', evidence: `target of ${group.id}` }]);
  }
}
