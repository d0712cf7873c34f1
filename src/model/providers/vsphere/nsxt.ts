import { parseCidr } from '../../../analysis/net/address.ts';
import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { SourceLocation } from '../../location.ts';
import type { FirewallRule, Peer, Segment } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { cidrWithin } from '../cidrs.ts';
import { bool, elements, knownStr, nested, num, origin, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { findOrAddSet } from '../implicit.ts';
import { serviceKey } from '../ordered-policy.ts';
import { referenceOf } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { PREDEFINED_SERVICES, readL4Ports, type ServicePart } from './nsxt-services.ts';

/**
 * NSX-T segments, groups, services and distributed firewall policies. The DFW
 * rules toward one destination group form one ordered set whose targets are the
 * segments of that group; rules without a destination go into every set. Rules
 * are ordered by policy `sequence_number`, then rule `sequence_number`.
 */

interface GroupRecord {
  name: string;
  cidrs: string[];
  segmentIds: string[];
  unknown?: Unknown;
}

const GROUPS = 'nsxt-groups';
const SERVICES = 'nsxt-services';

function mapSegment(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const segmentTags: Record<string, string> = {};
  for (const tag of nested(body, 'tag')) {
    const scope = knownStr(tag.body, 'scope');
    const value = knownStr(tag.body, 'tag');
    if (scope !== undefined && value !== undefined) segmentTags[scope] = value;
  }
  const cidrs = nested(body, 'subnet').flatMap((subnet) => {
    const parsed = parseCidr(knownStr(subnet.body, 'cidr') ?? '');
    return parsed.ok ? [parsed.canonical] : [];
  });
  const segment: Segment = {
    id: instance.address,
    name: knownStr(body, 'display_name') ?? instance.name,
    cidrs,
    zone: { candidates: [] },
    mapPublicIp: false,
    tags: segmentTags,
    origin: origin(instance),
  };
  if (cidrs.length === 0) segment.cidrUnknown = new Unknown('no subnet cidr written', instance.address);
  context.model.segments.push(segment);
}

function mapGroup(instance: ResourceInstance, context: MappingContext): void {
  const name = knownStr(instance.body, 'display_name') ?? instance.name;
  const record: GroupRecord = { name, cidrs: [], segmentIds: [] };
  const criteria = nested(instance.body, 'criteria');
  const addresses = criteria.flatMap((found) => nested(found.body, 'ipaddress_expression').flatMap((expression) => elements(expression.body, 'ip_addresses')));
  const paths = criteria.flatMap((found) => nested(found.body, 'path_expression').flatMap((expression) => elements(expression.body, 'member_paths')));
  if (criteria.some((found) => nested(found.body, 'condition').length > 0)) {
    record.unknown = new Unknown(`group ${name} selects members by condition (VM tags or names), resolved only at run time`, instance.address);
  }
  for (const element of addresses) {
    const parsed = typeof element.value === 'string' ? parseCidr(element.value) : undefined;
    if (parsed?.ok) record.cidrs.push(parsed.canonical);
  }
  context.lookup<GroupRecord>(GROUPS).set(instance.address, record);
  context.lookup<GroupRecord>(GROUPS).set(`name:${name}`, record);
  context.afterMapping('attach', () => {
    for (const element of paths) {
      const segment = context.model.segments.find((candidate) => candidate.id === referenceOf(element).address);
      if (segment === undefined) continue;
      record.segmentIds.push(segment.id);
      record.cidrs.push(...segment.cidrs);
    }
  });
}

function mapService(instance: ResourceInstance, context: MappingContext): void {
  const parts: Array<ServicePart | Unknown> = nested(instance.body, 'l4_port_set_entry').map((entry) => {
    const protocol = knownStr(entry.body, 'protocol')?.toLowerCase() === 'udp' ? 'udp' : 'tcp';
    const values = elements(entry.body, 'destination_ports').flatMap((element) => (typeof element.value === 'string' ? [element.value] : []));
    const ports = readL4Ports(values);
    if (typeof ports !== 'string') return { protocol, ports };
    context.diagnose({ code: 'invalid-port-range', severity: 'error', message: `${instance.address}: ${ports}`, hint: 'Write destination_ports as ["22", "80-90"]; rules using this service are not evaluated.', location: entry.location, subject: instance.address });
    return new Unknown(ports, instance.address);
  });
  context.lookup<Array<ServicePart | Unknown>>(SERVICES).set(instance.address, parts);
}

function mapSecurityPolicy(instance: ResourceInstance, context: MappingContext): void {
  const policyOrigin = origin(instance);
  const policyOrder = num(instance.body, 'sequence_number');
  const base = (typeof policyOrder === 'number' ? policyOrder : 0) * 100000;
  const rules = nested(instance.body, 'rule');
  context.afterMapping('attach', () => {
    rules.forEach((block, index) => {
      if (bool(block.body, 'disabled') === true) return;
      const sequence = num(block.body, 'sequence_number');
      const order = base + (typeof sequence === 'number' ? sequence : index);
      queueRule(instance, block.body, block.path, order, policyOrigin, context);
    });
  });
}

function queueRule(instance: ResourceInstance, body: EvaluatedBody, path: string, order: number, ruleOrigin: FirewallRule['origin'], context: MappingContext): void {
  const direction = knownStr(body, 'direction');
  // Rules only for outbound traffic do not admit flows into their destination.
  if (direction === 'OUT') return;
  const action = knownStr(body, 'action') === 'ALLOW' || knownStr(body, 'action') === undefined ? 'allow' : 'deny';
  const sources = elements(body, 'source_groups');
  const destinations = elements(body, 'destination_groups');
  const services = serviceParts(elements(body, 'services'), context);
  // Sets of named destinations exist before any rule is added, so that a rule
  // without a destination reaches every one of them.
  context.afterMapping('resolve', () => destinations.forEach((element) => destinationSet(element, context)));
  context.afterMapping('derive', () => {
    const peers = groupPeers(sources, context);
    const sets = destinations.length === 0 ? allSets(context, ruleOrigin.location) : destinations.map((element) => destinationSet(element, context));
    for (const set of sets) {
      for (const service of services) {
        const key = serviceKey(service);
        const rule: FirewallRule = {
          id: `${instance.address}/${path}/${key}`,
          setId: set.id,
          direction: 'ingress',
          action,
          order,
          protocol: service instanceof Unknown ? service : service.protocol,
          ports: service instanceof Unknown ? service : service.ports,
          peers,
          origin: ruleOrigin,
          path,
        };
        const description = knownStr(body, 'display_name');
        if (description !== undefined) rule.description = description;
        set.rules.push(rule);
      }
    }
  });
}

/** Source groups as peers; none (or `ANY`) is every address. */
function groupPeers(found: Element[], context: MappingContext): Peer[] {
  if (found.length === 0 || found.some((element) => element.value === 'ANY')) {
    // Without source groups there is no attribute to point at, so findings point at the rule.
    const location = found[0]?.location;
    return [location === undefined ? { kind: 'cidr', cidr: '0.0.0.0/0', written: 'ANY' } : { kind: 'cidr', cidr: '0.0.0.0/0', written: 'ANY', location }];
  }
  return found.flatMap((element) => {
    const group = groupOf(element, context);
    const location = element.location;
    if (group === undefined) return [{ kind: 'unknown', unknown: new Unknown('group not defined in the scanned code', String(referenceOf(element).written)), location } satisfies Peer];
    if (group.unknown !== undefined) return [{ kind: 'unknown', unknown: group.unknown, location } satisfies Peer];
    return group.cidrs.map((cidr): Peer => ({ kind: 'cidr', cidr, written: group.name, location }));
  });
}

function groupOf(element: Element, context: MappingContext): GroupRecord | undefined {
  const reference = referenceOf(element);
  const groups = context.lookup<GroupRecord>(GROUPS);
  if (reference.address !== undefined) return groups.get(reference.address);
  const name = reference.literal?.split('/').pop();
  return name === undefined ? undefined : groups.get(`name:${name}`);
}

const SET_PREFIX = 'nsxt:dfw:';

function destinationSet(element: Element, context: MappingContext) {
  const group = groupOf(element, context);
  const name = group?.name ?? referenceOf(element).written;
  const set = findOrAddSet(`${SET_PREFIX}${name}`, 'ordered-policy', element.location, context);
  set.name = `DFW rules to ${name}`;
  const segments = context.model.segments.filter((segment) =>
    group?.segmentIds.includes(segment.id) || segment.cidrs.some((cidr) => (group?.cidrs ?? []).some((own) => cidrWithin(own, cidr) || cidrWithin(cidr, own))),
  );
  for (const segment of segments) if (!set.segmentIds.includes(segment.id)) set.segmentIds.push(segment.id);
  return set;
}

/** The DFW sets made so far, or one for the whole DFW when no rule names a destination. */
function allSets(context: MappingContext, location: SourceLocation) {
  const sets = context.model.firewallSets.filter((set) => set.id.startsWith(SET_PREFIX));
  return sets.length > 0 ? sets : [findOrAddSet(`${SET_PREFIX}ANY`, 'ordered-policy', location, context)];
}

/** Service paths: a predefined `/infra/services/SSH`, or an `nsxt_policy_service`; none is every service. */
function serviceParts(found: Element[], context: MappingContext): Array<ServicePart | Unknown> {
  if (found.length === 0) return [{ protocol: 'all', ports: [{ from: 0, to: 65535 }] }];
  return found.flatMap((element): Array<ServicePart | Unknown> => {
    const reference = referenceOf(element);
    const custom = reference.address === undefined ? undefined : context.lookup<Array<ServicePart | Unknown>>(SERVICES).get(reference.address);
    if (custom !== undefined) return custom;
    const name = reference.literal?.split('/').pop() ?? '';
    return PREDEFINED_SERVICES[name] ?? [new Unknown(`service ${reference.written} is not predefined or defined in the scanned code`, reference.written)];
  });
}

export const nsxtMappers: Record<string, ResourceMapper> = {
  nsxt_policy_segment: mapSegment,
  nsxt_policy_group: mapGroup,
  nsxt_policy_service: mapService,
  nsxt_policy_security_policy: mapSecurityPolicy,
};
