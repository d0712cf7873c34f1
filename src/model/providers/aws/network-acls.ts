import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { SourceLocation } from '../../location.ts';
import type { FirewallRule, FirewallSet, Peer } from '../../types.ts';
import { attr, bool, elements, nested, num, origin, str, tags, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { findOrAddSet } from '../implicit.ts';
import { referenceOf, resolveReference, resolveSite, type Reference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { cidrPeer, readPortPair, readProtocol } from '../rule-parts.ts';

/** Network ACLs: stateless sets evaluated by rule number, first match wins. */

interface AclRuleFields {
  body: EvaluatedBody;
  location: SourceLocation;
  subject: string;
  /** Attribute names, which differ between inline blocks and `aws_network_acl_rule`. */
  orderAttribute: string;
  actionAttribute: string;
}

function readAclRule(
  fields: AclRuleFields,
  context: MappingContext,
): Pick<FirewallRule, 'protocol' | 'ports' | 'peers' | 'action' | 'order'> {
  const { body, location, subject } = fields;
  const protocolLocation = attr(body, 'protocol')?.location ?? location;
  const protocol = readProtocol(str(body, 'protocol'), protocolLocation, context, subject);
  const portLocation = attr(body, 'from_port')?.location ?? location;
  const from = num(body, 'from_port');
  const ports = readPortPair(protocol, from, num(body, 'to_port'), portLocation, context, subject);
  const peers: Peer[] = [];
  for (const name of ['cidr_block', 'ipv6_cidr_block']) {
    for (const element of elements(body, name)) peers.push(cidrPeer(element, context, subject));
  }
  const order = num(body, fields.orderAttribute);
  // An ACL rule whose action is not known is read as allow, the reading that exposes more.
  const action = str(body, fields.actionAttribute) === 'deny' ? 'deny' : 'allow';
  const rule: Pick<FirewallRule, 'protocol' | 'ports' | 'peers' | 'action' | 'order'> = {
    protocol,
    ports,
    peers,
    action,
  };
  if (typeof order === 'number') rule.order = order;
  return rule;
}

function mapNetworkAcl(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const aclTags = tags(body);
  const set: FirewallSet = {
    id: instance.address,
    name: aclTags['Name'] ?? instance.name,
    kind: 'stateless-acl',
    segmentIds: [],
    rules: [],
    tags: aclTags,
    origin: origin(instance),
  };
  for (const direction of ['ingress', 'egress'] as const) {
    for (const block of nested(body, direction)) {
      const fields = {
        body: block.body,
        location: block.location,
        subject: `${instance.address} ${block.path}`,
        orderAttribute: 'rule_no',
        actionAttribute: 'action',
      };
      set.rules.push({
        id: `${instance.address}/${block.path}`,
        setId: set.id,
        direction,
        ...readAclRule(fields, context),
        origin: set.origin,
        path: block.path,
      });
    }
  }
  context.model.firewallSets.push(set);
  linkAcl(set, instance, context);
}

/** Links the ACL to its VPC and subnets; a default ACL names its VPC through the default id. */
function linkAcl(set: FirewallSet, instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const vpc = elements(body, 'vpc_id')[0] ?? elements(body, 'default_network_acl_id')[0];
  const subnets = elements(body, 'subnet_ids');
  context.afterMapping('attach', () => {
    if (vpc !== undefined) {
      const siteId = resolveSite(referenceOf(vpc), context);
      if (siteId !== undefined) set.siteId = siteId;
    }
  });
  context.afterMapping('resolve', () => {
    for (const subnet of subnets) addSegment(set, referenceOf(subnet), context);
  });
}

function addSegment(set: FirewallSet, reference: Reference, context: MappingContext): void {
  const segmentId = resolveReference(reference, 'segment', context);
  if (segmentId !== undefined && !set.segmentIds.includes(segmentId)) {
    set.segmentIds.push(segmentId);
  }
}

/** `aws_network_acl_rule`: one rule of the ACL `network_acl_id` names. */
function mapNetworkAclRule(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const egress = bool(body, 'egress');
  const fields = {
    body,
    location: instance.location,
    subject: instance.address,
    orderAttribute: 'rule_number',
    actionAttribute: 'rule_action',
  };
  const parts = readAclRule(fields, context);
  const acl = elements(body, 'network_acl_id')[0];
  const ruleOrigin = origin(instance);
  context.afterMapping('attach', () => {
    const set = findOrAddSet(aclId(acl, instance), 'stateless-acl', instance.location, context);
    set.rules.push({
      id: instance.address,
      setId: set.id,
      direction: egress === true ? 'egress' : 'ingress',
      ...parts,
      origin: ruleOrigin,
      path: '',
    });
  });
}

function findAcl(element: Element | undefined, context: MappingContext): FirewallSet | undefined {
  if (element === undefined) return undefined;
  const id = resolveReference(referenceOf(element), 'firewall-set', context);
  return context.model.firewallSets.find((set) => set.id === id);
}

/** Returns the id of the ACL a rule names. A rule naming no readable ACL gets one of its own. */
function aclId(element: Element | undefined, instance: ResourceInstance): string {
  if (element === undefined) return `${instance.address}/network_acl_id`;
  const reference = referenceOf(element);
  return reference.address ?? reference.literal ?? `${instance.address}/network_acl_id`;
}

/** `aws_network_acl_association`: one subnet of an ACL. */
function mapAclAssociation(instance: ResourceInstance, context: MappingContext): void {
  const acl = elements(instance.body, 'network_acl_id')[0];
  const subnet = elements(instance.body, 'subnet_id')[0];
  context.afterMapping('resolve', () => {
    const set = findAcl(acl, context);
    if (set !== undefined && subnet !== undefined) addSegment(set, referenceOf(subnet), context);
  });
}

export const networkAclMappers: Record<string, ResourceMapper> = {
  aws_network_acl: mapNetworkAcl,
  aws_default_network_acl: mapNetworkAcl,
  aws_network_acl_rule: mapNetworkAclRule,
  aws_network_acl_association: mapAclAssociation,
};
