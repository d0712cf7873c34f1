import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Host, TargetGroup } from '../../types.ts';
import { isUnknown } from '../../unknown.ts';
import { bool, elements, knownStr, nested, num, origin, str } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { addRoles } from '../host-roles.ts';
import { linkGroups, linkSegments, newHost } from '../hosts.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { linkTargetGroups } from './compute.ts';

/** Load balancers, listeners, target groups and their targets. */

/** Maps a load balancer, internet-facing unless `internal = true` (the provider default is false). */
function mapLoadBalancer(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const host = newHost(instance, 'load-balancer', context);
  const internal = bool(body, 'internal') ?? false;
  host.loadBalancer = {
    internetFacing: isUnknown(internal) ? internal : !internal,
    listeners: [],
    targetGroupIds: [],
  };
  host.publicAddress = host.loadBalancer.internetFacing;
  context.model.hosts.push(host);
  const subnets = [...elements(body, 'subnets')];
  for (const mapping of nested(body, 'subnet_mapping')) {
    subnets.push(...elements(mapping.body, 'subnet_id'));
  }
  linkSegments(host, subnets, context);
  linkGroups(host, elements(body, 'security_groups'), context);
}

function findLoadBalancer(instance: ResourceInstance, context: MappingContext): Host | undefined {
  const element = elements(instance.body, 'load_balancer_arn')[0];
  if (element === undefined) return undefined;
  const id = resolveReference(referenceOf(element), 'host', context);
  return context.model.hosts.find((host) => host.id === id && host.loadBalancer !== undefined);
}

/** Adds a listener's port and protocol, and the target groups it forwards to, to its load balancer. */
function mapListener(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const port = num(body, 'port');
  const protocol = str(body, 'protocol');
  const listenerOrigin = origin(instance);
  const forwards = nested(body, 'default_action').flatMap((action) => [
    ...elements(action.body, 'target_group_arn'),
    ...nested(action.body, 'forward', action.path).flatMap((forward) =>
      nested(forward.body, 'target_group', forward.path).flatMap((group) =>
        elements(group.body, 'arn'),
      ),
    ),
  ]);
  context.afterMapping('resolve', () => {
    const info = findLoadBalancer(instance, context)?.loadBalancer;
    if (info === undefined) return;
    if (typeof port === 'number') {
      const written = typeof protocol === 'string' ? protocol : 'unknown';
      info.listeners.push({ protocol: written, port, origin: listenerOrigin, path: '' });
    }
    for (const forward of forwards) {
      const id = resolveReference(referenceOf(forward), 'target-group', context);
      if (id !== undefined && !info.targetGroupIds.includes(id)) info.targetGroupIds.push(id);
    }
  });
}

function mapTargetGroup(instance: ResourceInstance, context: MappingContext): void {
  const port = num(instance.body, 'port');
  const targetGroup: TargetGroup = {
    id: instance.address,
    protocol: knownStr(instance.body, 'protocol') ?? '',
    targetHostIds: [],
    origin: origin(instance),
  };
  if (typeof port === 'number') targetGroup.port = port;
  context.model.targetGroups.push(targetGroup);
  context.afterMapping('derive', () => markTargets(targetGroup, context));
}

/** Gives each target the web role, because a host behind a load balancer serves web traffic. */
function markTargets(targetGroup: TargetGroup, context: MappingContext): void {
  for (const hostId of targetGroup.targetHostIds) {
    const host = context.model.hosts.find((candidate) => candidate.id === hostId);
    if (host === undefined) continue;
    const evidence = `target of ${targetGroup.id}`;
    addRoles(host.roles, [{ role: 'web', source: 'load-balancer-target', evidence }]);
  }
}

/** `aws_lb_target_group_attachment`: `target_id` names an instance (or an IP). */
function mapTargetAttachment(instance: ResourceInstance, context: MappingContext): void {
  const group = elements(instance.body, 'target_group_arn')[0];
  const target = elements(instance.body, 'target_id')[0];
  context.afterMapping('resolve', () => {
    if (group === undefined || target === undefined) return;
    const groupId = resolveReference(referenceOf(group), 'target-group', context);
    const hostId = resolveReference(referenceOf(target), 'host', context);
    const targetGroup = context.model.targetGroups.find((candidate) => candidate.id === groupId);
    if (targetGroup !== undefined && hostId !== undefined && !targetGroup.targetHostIds.includes(hostId)) {
      targetGroup.targetHostIds.push(hostId);
    }
  });
}

/** `aws_autoscaling_attachment`: an autoscaling group registered with a target group. */
function mapAutoscalingAttachment(instance: ResourceInstance, context: MappingContext): void {
  const groupElement = elements(instance.body, 'autoscaling_group_name')[0];
  const targets = elements(instance.body, 'lb_target_group_arn');
  if (groupElement === undefined) return;
  context.afterMapping('attach', () => {
    const reference = referenceOf(groupElement);
    const host = context.model.hosts.find((candidate) =>
      candidate.kind === 'autoscaling-group' &&
      (candidate.id === reference.address || candidate.name === reference.literal),
    );
    if (host !== undefined) linkTargetGroups(host, targets, context);
  });
}

export const loadBalancerMappers: Record<string, ResourceMapper> = {
  aws_lb: mapLoadBalancer,
  aws_alb: mapLoadBalancer,
  aws_lb_listener: mapListener,
  aws_alb_listener: mapListener,
  aws_lb_target_group: mapTargetGroup,
  aws_alb_target_group: mapTargetGroup,
  aws_lb_target_group_attachment: mapTargetAttachment,
  aws_alb_target_group_attachment: mapTargetAttachment,
  aws_autoscaling_attachment: mapAutoscalingAttachment,
};
