import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { FirewallRule, FirewallSet, Peer } from '../../types.ts';
import { elements, knownStr, nested, origin, tags, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { findOrAddSet } from '../implicit.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { recordName, resolveName } from './names.ts';
import { tagAsCidrs, VIRTUAL_NETWORK_TAG } from './nsg-peers.ts';
import { readSecurityRule } from './nsg-rules.ts';
import { setZoneFromTags } from './zone-tag.ts';

/**
 * Network security groups: stateful sets evaluated in priority order. Inline
 * `security_rule` blocks and `azurerm_network_security_rule` resources that
 * name the same group are merged into one set.
 */

function mapSecurityGroup(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const setTags = tags(body);
  const set: FirewallSet = {
    id: instance.address,
    name: knownStr(body, 'name') ?? instance.name,
    kind: 'ordered-policy',
    segmentIds: [],
    rules: [],
    tags: setTags,
    origin: origin(instance),
  };
  const zone = setZoneFromTags(setTags);
  if (zone !== undefined) set.zone = zone;
  for (const block of nested(body, 'security_rule')) {
    const source = { body: block.body, location: block.location, subject: `${instance.address} ${block.path}` };
    set.rules.push({
      id: `${instance.address}/${block.path}`,
      setId: set.id,
      ...readSecurityRule(source, context),
      origin: set.origin,
      path: block.path,
    });
  }
  context.model.firewallSets.push(set);
  recordName('nsg', instance, context);
  queueVirtualNetworkExpansion(context);
}

/** `azurerm_network_security_rule`: one rule of the group its name (or id) names. */
function mapSecurityRule(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const parts = readSecurityRule({ body, location: instance.location, subject: instance.address }, context);
  const ruleOrigin = origin(instance);
  const name = elements(body, 'network_security_group_name')[0] ?? elements(body, 'network_security_group_id')[0];
  const group = elements(body, 'resource_group_name')[0];
  context.afterMapping('attach', () => {
    const setId = resolveName('nsg', name, group, context) ?? `${instance.address}/network_security_group_name`;
    const set = findOrAddSet(setId, 'ordered-policy', name?.location ?? instance.location, context);
    const rule: FirewallRule = { id: instance.address, setId: set.id, ...parts, origin: ruleOrigin, path: '' };
    set.rules.push(rule);
  });
  queueVirtualNetworkExpansion(context);
}

/** Adds a segment to the set a `network_security_group_id` element names. */
export function attachSetToSegment(group: Element, segmentId: string, context: MappingContext): void {
  context.afterMapping('resolve', () => {
    const set = findSet(group, context);
    if (set !== undefined && !set.segmentIds.includes(segmentId)) set.segmentIds.push(segmentId);
  });
}

export function findSet(element: Element, context: MappingContext): FirewallSet | undefined {
  const id = resolveReference(referenceOf(element), 'firewall-set', context);
  return context.model.firewallSets.find((set) => set.id === id);
}

function mapSubnetAssociation(instance: ResourceInstance, context: MappingContext): void {
  const subnet = elements(instance.body, 'subnet_id')[0];
  const group = elements(instance.body, 'network_security_group_id')[0];
  if (subnet === undefined || group === undefined) return;
  context.afterMapping('resolve', () => {
    const segmentId = resolveReference(referenceOf(subnet), 'segment', context);
    if (segmentId !== undefined) attachSetToSegment(group, segmentId, context);
  });
}

/**
 * Replaces each `VirtualNetwork` tag with the address spaces of the scanned
 * VNets, once all are known. Without any VNet the tag stays, and the rule's
 * source is reported as not evaluated.
 * NOTE: peered VNets and on-premises ranges, which Azure adds to the tag, are not included.
 */
function queueVirtualNetworkExpansion(context: MappingContext): void {
  const queued = context.lookup<boolean>('azure-virtual-network-tag');
  if (queued.has('queued')) return;
  queued.set('queued', true);
  context.afterMapping('derive', () => {
    const cidrs = context.model.sites.filter((site) => site.id.includes('azurerm_virtual_network.')).flatMap((site) => site.cidrs);
    if (cidrs.length === 0) return;
    for (const set of context.model.firewallSets) {
      for (const rule of set.rules) {
        rule.peers = expand(rule.peers, cidrs);
        if (rule.localPeers !== undefined) rule.localPeers = expand(rule.localPeers, cidrs);
      }
    }
  });
}

function expand(peers: Peer[], cidrs: string[]): Peer[] {
  return peers.flatMap((peer) =>
    peer.kind === 'tag' && peer.tag.toLowerCase() === VIRTUAL_NETWORK_TAG.toLowerCase()
      ? tagAsCidrs(peer.tag, cidrs, peer.location)
      : [peer],
  );
}

export const securityGroupMappers: Record<string, ResourceMapper> = {
  azurerm_network_security_group: mapSecurityGroup,
  azurerm_network_security_rule: mapSecurityRule,
  azurerm_subnet_network_security_group_association: mapSubnetAssociation,
};
