import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { FirewallRule, FirewallSet, Peer } from '../../types.ts';
import { attr, elements, knownStr, num, origin, str } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { findOrAddSet } from '../implicit.ts';
import { GROUP_NAMES, referenceOf } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { cidrPeer, readPortPair, readProtocol } from '../rule-parts.ts';
import { groupPeer, resolveGroupPeers } from '../aws/group-peers.ts';
import { setZoneFromTags } from '../azure/zone-tag.ts';
import { listTags } from './tags.ts';

/** Security groups: stateful sets whose rules are `openstack_networking_secgroup_rule_v2` resources. */

function mapSecurityGroup(instance: ResourceInstance, context: MappingContext): void {
  const setTags = listTags(instance.body);
  const name = knownStr(instance.body, 'name');
  const set: FirewallSet = {
    id: instance.address,
    name: name ?? instance.name,
    kind: 'stateful-group',
    segmentIds: [],
    rules: [],
    tags: setTags,
    origin: origin(instance),
  };
  const zone = setZoneFromTags(setTags) ?? setZoneFromTags(descriptionTag(knownStr(instance.body, 'description')));
  if (zone !== undefined) set.zone = zone;
  context.model.firewallSets.push(set);
  if (name !== undefined) context.lookup<string>(GROUP_NAMES).set(name, set.id);
  queuePeerResolution(context);
}

/** A description `Zone=dmz` (or containing `Zone: dmz`) names the zone as a tag would. */
function descriptionTag(description: string | undefined): Record<string, string> {
  const match = description === undefined ? null : /\bzone\s*[=:]\s*([\w-]+)/i.exec(description);
  return match === null ? {} : { Zone: match[1]! };
}

function mapSecurityGroupRule(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const subject = instance.address;
  const direction: FirewallRule['direction'] = str(body, 'direction') === 'egress' ? 'egress' : 'ingress';
  // No protocol means every protocol.
  const protocolAttribute = attr(body, 'protocol');
  const protocol = protocolAttribute === undefined ? 'all' : readProtocol(str(body, 'protocol'), protocolAttribute.location, context, subject);
  const portLocation = attr(body, 'port_range_min')?.location ?? instance.location;
  const ports = readPortPair(protocol, num(body, 'port_range_min'), num(body, 'port_range_max'), portLocation, context, subject);
  const ruleOrigin = origin(instance);
  const parts = { direction, action: 'allow' as const, protocol, ports, peers: readRemote(instance, context) };
  const group = elements(body, 'security_group_id')[0];
  context.afterMapping('attach', () => {
    const reference = group === undefined ? undefined : referenceOf(group);
    const id = reference?.address ?? reference?.literal ?? `${instance.address}/security_group_id`;
    const set = findOrAddSet(id, 'stateful-group', reference?.location ?? instance.location, context);
    const rule: FirewallRule = { id: instance.address, setId: set.id, ...parts, origin: ruleOrigin, path: '' };
    const description = knownStr(body, 'description');
    if (description !== undefined) rule.description = description;
    set.rules.push(rule);
  });
  queuePeerResolution(context);
}

/** `remote_ip_prefix`, `remote_group_id`, or with neither every address of the `ethertype`. */
function readRemote(instance: ResourceInstance, context: MappingContext): Peer[] {
  const body = instance.body;
  const prefixes = elements(body, 'remote_ip_prefix').map((element) => cidrPeer(element, context, instance.address));
  const groups = elements(body, 'remote_group_id').map(groupPeer);
  if (prefixes.length + groups.length > 0) return [...prefixes, ...groups];
  const ipv6 = str(body, 'ethertype') === 'IPv6';
  const location = attr(body, 'ethertype')?.location ?? instance.location;
  return [{ kind: 'cidr', cidr: ipv6 ? '::/0' : '0.0.0.0/0', written: `any ${ipv6 ? 'IPv6' : 'IPv4'} (no remote written)`, location }];
}

function queuePeerResolution(context: MappingContext): void {
  const queued = context.lookup<boolean>('openstack-peer-resolution');
  if (queued.has('queued')) return;
  queued.set('queued', true);
  context.afterMapping('resolve', () => resolveGroupPeers(context));
}

export const securityGroupMappers: Record<string, ResourceMapper> = {
  openstack_networking_secgroup_v2: mapSecurityGroup,
  openstack_networking_secgroup_rule_v2: mapSecurityGroupRule,
};
