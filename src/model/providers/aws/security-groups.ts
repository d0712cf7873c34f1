import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { SourceLocation } from '../../location.ts';
import type { FirewallRule, FirewallSet, Peer } from '../../types.ts';
import { zoneFromWord, ZONE_TAG_KEYS } from '../../zones/aliases.ts';
import type { ZoneCandidate } from '../../types.ts';
import { attr, elements, knownStr, nested, num, origin, str, tags } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { findOrAddSet } from '../implicit.ts';
import { GROUP_NAMES, referenceOf, resolveSite, type Reference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { cidrPeer, readPortPair, readProtocol } from '../rule-parts.ts';
import { groupPeer, resolveGroupPeers } from './group-peers.ts';

/** Security groups: stateful sets whose rules are inline blocks or separate resources. */

/** The attribute names one rule form uses for its peers. */
interface PeerAttributes {
  cidrs: readonly string[];
  groups: readonly string[];
  prefixLists: readonly string[];
  self?: string;
}

const INLINE_PEERS: PeerAttributes = {
  cidrs: ['cidr_blocks', 'ipv6_cidr_blocks'],
  groups: ['security_groups'],
  prefixLists: ['prefix_list_ids'],
  self: 'self',
};

const RULE_PEERS: PeerAttributes = {
  cidrs: ['cidr_blocks', 'ipv6_cidr_blocks'],
  groups: ['source_security_group_id'],
  prefixLists: ['prefix_list_ids'],
  self: 'self',
};

const VPC_RULE_PEERS: PeerAttributes = {
  cidrs: ['cidr_ipv4', 'cidr_ipv6'],
  groups: ['referenced_security_group_id'],
  prefixLists: ['prefix_list_id'],
};

/** The body a rule's fields are read from, and the rule's name in messages. */
interface RuleSource {
  body: EvaluatedBody;
  location: SourceLocation;
  subject: string;
  protocolAttribute: string;
}

/** Reads the protocol, ports and peers shared by every rule form. */
function readRule(
  source: RuleSource,
  peerAttributes: PeerAttributes,
  context: MappingContext,
): Pick<FirewallRule, 'protocol' | 'ports' | 'peers'> {
  const { body, location, subject } = source;
  const protocolAttribute = attr(body, source.protocolAttribute);
  const protocol = readProtocol(
    str(body, source.protocolAttribute),
    protocolAttribute?.location ?? location,
    context,
    subject,
  );
  const portLocation = attr(body, 'from_port')?.location ?? location;
  const ports = readPortPair(
    protocol,
    num(body, 'from_port'),
    num(body, 'to_port'),
    portLocation,
    context,
    subject,
  );
  return { protocol, ports, peers: readPeers(body, peerAttributes, context, subject) };
}

function readPeers(
  body: EvaluatedBody,
  names: PeerAttributes,
  context: MappingContext,
  subject: string,
): Peer[] {
  const peers: Peer[] = [];
  for (const name of names.cidrs) {
    for (const element of elements(body, name)) peers.push(cidrPeer(element, context, subject));
  }
  for (const name of names.groups) {
    for (const element of elements(body, name)) peers.push(groupPeer(element));
  }
  for (const name of names.prefixLists) {
    for (const element of elements(body, name)) peers.push(prefixListPeer(element.value, element.location));
  }
  const self = names.self === undefined ? undefined : attr(body, names.self);
  if (self !== undefined && (self.value === true || self.value === 'true')) {
    peers.push({ kind: 'self', location: self.location });
  }
  return peers;
}

function prefixListPeer(value: unknown, location: SourceLocation): Peer {
  const tag = typeof value === 'string' ? value : String((value as { origin?: string }).origin);
  return { kind: 'tag', tag, location };
}

function mapSecurityGroup(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const groupTags = tags(body);
  const name = knownStr(body, 'name');
  const set: FirewallSet = {
    id: instance.address,
    name: name ?? groupTags['Name'] ?? instance.name,
    kind: 'stateful-group',
    segmentIds: [],
    rules: [],
    tags: groupTags,
    origin: origin(instance),
  };
  const zone = groupTagZone(groupTags);
  if (zone !== undefined) set.zone = zone;
  for (const direction of ['ingress', 'egress'] as const) {
    for (const block of nested(body, direction)) {
      const source = { body: block.body, location: block.location, subject: `${instance.address} ${block.path}`, protocolAttribute: 'protocol' };
      set.rules.push({
        id: `${instance.address}/${block.path}`,
        setId: set.id,
        direction,
        action: 'allow',
        ...readRule(source, INLINE_PEERS, context),
        ...description(block.body),
        origin: set.origin,
        path: block.path,
      });
    }
  }
  context.model.firewallSets.push(set);
  if (name !== undefined) context.lookup<string>(GROUP_NAMES).set(name, set.id);
  linkGroupSite(set, instance, context);
}

function groupTagZone(groupTags: Record<string, string>): ZoneCandidate | undefined {
  for (const key of ZONE_TAG_KEYS) {
    const written = groupTags[key];
    if (written === undefined) continue;
    const zone = zoneFromWord(written);
    if (zone !== undefined) {
      return { zone, source: 'group-tag', evidence: `tag ${key} = ${JSON.stringify(written)}` };
    }
  }
  return undefined;
}

function description(body: EvaluatedBody): { description?: string } {
  const text = knownStr(body, 'description');
  return text === undefined ? {} : { description: text };
}

function linkGroupSite(set: FirewallSet, instance: ResourceInstance, context: MappingContext): void {
  const vpc = elements(instance.body, 'vpc_id')[0];
  if (vpc === undefined) return;
  context.afterMapping('attach', () => {
    const siteId = resolveSite(referenceOf(vpc), context);
    if (siteId !== undefined) set.siteId = siteId;
  });
}

/** `aws_security_group_rule`: one rule, `type` ingress or egress. */
function mapGroupRule(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const type = str(body, 'type');
  // NOTE: a computed `type` is read as ingress, so the rule is not marked as unknown.
  const direction = type === 'egress' ? 'egress' : 'ingress';
  const source = { body, location: instance.location, subject: instance.address, protocolAttribute: 'protocol' };
  attachRule(instance, direction, readRule(source, RULE_PEERS, context), context);
}

/** `aws_vpc_security_group_ingress_rule` and `..._egress_rule`. */
function vpcRuleMapper(direction: 'ingress' | 'egress'): ResourceMapper {
  return (instance, context) => {
    const source = { body: instance.body, location: instance.location, subject: instance.address, protocolAttribute: 'ip_protocol' };
    attachRule(instance, direction, readRule(source, VPC_RULE_PEERS, context), context);
  };
}

/**
 * Attaches a rule resource to the group its `security_group_id` names. A group
 * the code does not define gets an implicit set of that id, so the rule stays
 * visible.
 */
function attachRule(
  instance: ResourceInstance,
  direction: 'ingress' | 'egress',
  parts: Pick<FirewallRule, 'protocol' | 'ports' | 'peers'>,
  context: MappingContext,
): void {
  const group = elements(instance.body, 'security_group_id')[0];
  const ruleOrigin = origin(instance);
  context.afterMapping('attach', () => {
    const reference = group === undefined ? undefined : referenceOf(group);
    const id = groupId(reference, instance);
    const set = findOrAddSet(id, 'stateful-group', reference?.location ?? instance.location, context);
    set.rules.push({
      id: instance.address,
      setId: set.id,
      direction,
      action: 'allow',
      ...parts,
      ...description(instance.body),
      origin: ruleOrigin,
      path: '',
    });
  });
}

/** Returns the id of the group a rule names. A rule naming no readable group gets one of its own. */
function groupId(reference: Reference | undefined, instance: ResourceInstance): string {
  return reference?.address ?? reference?.literal ?? `${instance.address}/security_group_id`;
}

/** Queues peer resolution once per build, after every rule is attached. */
function queuePeerResolution(context: MappingContext): void {
  const queued = context.lookup<boolean>('aws-peer-resolution');
  if (queued.has('queued')) return;
  queued.set('queued', true);
  context.afterMapping('resolve', () => resolveGroupPeers(context));
}

function withPeerResolution(mapper: ResourceMapper): ResourceMapper {
  return (instance, context) => {
    mapper(instance, context);
    queuePeerResolution(context);
  };
}

export const securityGroupMappers: Record<string, ResourceMapper> = {
  aws_security_group: withPeerResolution(mapSecurityGroup),
  aws_default_security_group: withPeerResolution(mapSecurityGroup),
  aws_security_group_rule: withPeerResolution(mapGroupRule),
  aws_vpc_security_group_ingress_rule: withPeerResolution(vpcRuleMapper('ingress')),
  aws_vpc_security_group_egress_rule: withPeerResolution(vpcRuleMapper('egress')),
};
