import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Host, TargetGroup } from '../../types.ts';
import { elements, knownStr, nested, origin, str, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { linkSegments, newHost } from '../hosts.ts';
import { referenceOf } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { addTarget, findTargetGroup, forwardTo, newTargetGroup } from '../target-groups.ts';

/**
 * Network load balancers: a forwarding rule is the balancer, internet-facing
 * when its scheme is external (the default). It forwards to a target pool or
 * a backend service, each a target group. A pool lists instances, and a backend
 * service lists instance groups, which list instances. Target proxies and URL
 * maps of HTTP(S) load balancers are not mapped, so a forwarding rule that
 * names one is left out rather than counted as a balancer without targets.
 */

/** Resource types a forwarding rule may name that map to target groups; a module path may precede them. */
const POOL_ADDRESS = /(^|\.)google_compute_(target_pool|backend_service|region_backend_service)\./;

const INSTANCE_GROUPS = 'gcp-instance-groups';

function mapForwardingRule(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const forwards = [...elements(body, 'target'), ...elements(body, 'backend_service')];
  if (!forwards.some(namesPool)) return;
  const host = newHost(instance, 'load-balancer', context);
  host.name = knownStr(body, 'name') ?? host.name;
  const scheme = str(body, 'load_balancing_scheme') ?? 'EXTERNAL';
  const internetFacing = typeof scheme === 'string' ? scheme.toUpperCase().startsWith('EXTERNAL') : scheme;
  host.loadBalancer = { internetFacing, listeners: [], targetGroupIds: [] };
  host.publicAddress = internetFacing;
  readListener(host, instance);
  context.model.hosts.push(host);
  linkSegments(host, elements(body, 'subnetwork'), context);
  context.afterMapping('resolve', () => {
    for (const forward of forwards) {
      const group = findTargetGroup(context, referenceOf(forward).address);
      if (group !== undefined) forwardTo(host, group);
    }
  });
  context.afterMapping('derive', () => placeWithTargets(host, context));
}

function namesPool(forward: Element): boolean {
  return POOL_ADDRESS.test(referenceOf(forward).address ?? '');
}

/** `port_range` (`443` or `443-443`) or the first of `ports` becomes the listener port. */
function readListener(host: Host, instance: ResourceInstance): void {
  const written = knownStr(instance.body, 'port_range') ?? knownStr(instance.body, 'ports');
  const port = written === undefined ? NaN : Number(written.split('-')[0]);
  const protocol = knownStr(instance.body, 'ip_protocol') ?? 'TCP';
  if (Number.isInteger(port)) host.loadBalancer?.listeners.push({ protocol, port, origin: origin(instance), path: '' });
}

/** An external forwarding rule names no network; it belongs to the network of its targets. */
function placeWithTargets(host: Host, context: MappingContext): void {
  if (host.siteId !== undefined) return;
  const groups = context.model.targetGroups.filter((group) => host.loadBalancer?.targetGroupIds.includes(group.id));
  const targetIds = new Set(groups.flatMap((group) => group.targetHostIds));
  const target = context.model.hosts.find((candidate) => targetIds.has(candidate.id) && candidate.siteId !== undefined);
  if (target?.siteId !== undefined) host.siteId = target.siteId;
}

/** `google_compute_target_pool`: its `instances` are references or `zone/name` literals. */
function mapTargetPool(instance: ResourceInstance, context: MappingContext): void {
  const group = newTargetGroup(instance, context, 'tcp');
  const members = elements(instance.body, 'instances');
  context.afterMapping('resolve', () => addInstances(group, members, context));
}

/** `google_compute_instance_group`: remembered for the backend services that name it. */
function mapInstanceGroup(instance: ResourceInstance, context: MappingContext): void {
  context.lookup<Element[]>(INSTANCE_GROUPS).set(instance.address, elements(instance.body, 'instances'));
}

/** A backend service: its targets are the instances of the groups its `backend` blocks name. */
function mapBackendService(instance: ResourceInstance, context: MappingContext): void {
  const protocol = knownStr(instance.body, 'protocol') ?? '';
  const group = newTargetGroup(instance, context, protocol);
  const backends = nested(instance.body, 'backend').flatMap((backend) => elements(backend.body, 'group'));
  context.afterMapping('resolve', () => {
    for (const backend of backends) {
      const members = context.lookup<Element[]>(INSTANCE_GROUPS).get(referenceOf(backend).address ?? '');
      if (members !== undefined) addInstances(group, members, context);
    }
  });
}

/** Adds the compute instances the elements name, by reference or by the last part of a self link. */
function addInstances(group: TargetGroup, members: readonly Element[], context: MappingContext): void {
  for (const member of members) {
    const reference = referenceOf(member);
    const name = reference.literal?.split('/').pop();
    const host = context.model.hosts.find(
      (candidate) =>
        /(^|\.)google_compute_instance\./.test(candidate.origin.address) &&
        (candidate.id === reference.address || (name !== undefined && candidate.name === name)),
    );
    if (host !== undefined) addTarget(group, host.id);
  }
}

export const loadBalancerMappers: Record<string, ResourceMapper> = {
  google_compute_forwarding_rule: mapForwardingRule,
  google_compute_target_pool: mapTargetPool,
  google_compute_instance_group: mapInstanceGroup,
  google_compute_backend_service: mapBackendService,
  google_compute_region_backend_service: mapBackendService,
};
