import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { SourceLocation } from '../../location.ts';
import type { FirewallRule, Peer } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { bool, elements, knownStr, nested, origin, type NestedBody } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { findOrAddSet } from '../implicit.ts';
import { addTargetSegment, byProtocol, serviceKey, sourceCidrs } from '../ordered-policy.ts';
import type { ResourceMapper } from '../registry.ts';
import { readAddress, ADDRESSES, SERVICES, ZONES, type AddressObject, type ServiceObject, type ZoneRecord } from './objects.ts';
import { APPLICATION_PORTS, PREDEFINED_SERVICES, type ServicePart } from './services.ts';

/**
 * Security policies. PAN-OS matches the zones first, so the rules toward one
 * destination zone form one ordered set whose target is the zone's segment;
 * within it, rules are evaluated in the order they are written. A rule's
 * services make one model rule per protocol.
 */

type Named = { name: string; location: SourceLocation };

function names(body: EvaluatedBody, attribute: string): Named[] {
  return elements(body, attribute).flatMap((element) => (typeof element.value === 'string' ? [{ name: element.value, location: element.location }] : []));
}

function mapPolicy(instance: ResourceInstance, context: MappingContext): void {
  const policyOrigin = origin(instance);
  const rules = nested(instance.body, 'rule');
  context.afterMapping('attach', () => rules.forEach((block, index) => mapRule(instance, block, index, policyOrigin, context)));
}

function mapRule(instance: ResourceInstance, block: NestedBody, index: number, policyOrigin: FirewallRule['origin'], context: MappingContext): void {
  const body = block.body;
  if (bool(body, 'disabled') === true) return;
  const action = knownStr(body, 'action') === 'allow' ? 'allow' : 'deny';
  const sourceZones = names(body, 'source_zones').map((entry) => entry.name);
  const peers = names(body, 'source_addresses').flatMap((entry) => addressPeers(entry, sourceZones, context));
  const localPeers = names(body, 'destination_addresses').flatMap((entry) => (entry.name === 'any' ? [] : addressPeers(entry, [], context)));
  const services = byProtocol(ruleServices(body, context));
  for (const zone of destinationZones(body, context)) {
    const set = findOrAddSet(`panos:zone:${zone.name}`, 'ordered-policy', zone.location, context);
    set.name = `rules to zone ${zone.name}`;
    addTargetSegment(set, context.lookup<ZoneRecord>(ZONES).get(zone.name)?.segmentId);
    for (const service of services) {
      const key = serviceKey(service);
      const rule: FirewallRule = {
        id: `${instance.address}/${block.path}/${key}`,
        setId: set.id,
        direction: 'ingress',
        action,
        order: index,
        protocol: service instanceof Unknown ? service : service.protocol,
        ports: service instanceof Unknown ? service : service.ports,
        peers,
        origin: policyOrigin,
        path: block.path,
      };
      if (localPeers.length > 0) rule.localPeers = localPeers;
      const description = knownStr(body, 'description') ?? knownStr(body, 'name');
      if (description !== undefined) rule.description = description;
      set.rules.push(rule);
    }
  }
}

/** The destination zones; `any` is every zone that is a segment. */
function destinationZones(body: EvaluatedBody, context: MappingContext): Named[] {
  return names(body, 'destination_zones').flatMap((entry) => {
    if (entry.name !== 'any') return [entry];
    const zones = [...context.lookup<ZoneRecord>(ZONES)].filter(([, record]) => !record.outside);
    return zones.map(([name]) => ({ name, location: entry.location }));
  });
}

/** An address name, group-free: `any`, an address object, or a literal CIDR or range. */
function addressPeers(entry: Named, sourceZones: string[], context: MappingContext): Peer[] {
  const cidr = (value: string): Peer => ({ kind: 'cidr', cidr: value, written: entry.name, location: entry.location });
  if (entry.name === 'any') return anyFrom(sourceZones, context).map(cidr);
  const found: AddressObject =
    context.lookup<AddressObject>(ADDRESSES).get(entry.name) ?? readAddress(entry.name.includes('-') ? 'ip-range' : 'ip-netmask', entry.name, entry.name);
  if ('unknown' in found) return [{ kind: 'unknown', unknown: found.unknown, location: entry.location }];
  return found.cidrs.map(cidr);
}

/** `any` from the source zones: their subnets, or every address when one of them is outside or `any`. */
function anyFrom(zones: string[], context: MappingContext): string[] {
  const records = zones.map((zone) => (zone === 'any' ? { outside: true } : context.lookup<ZoneRecord>(ZONES).get(zone) ?? { outside: true }));
  return sourceCidrs(records, context);
}

/** `application-default` opens the applications' default ports; otherwise the named services. */
function ruleServices(body: EvaluatedBody, context: MappingContext): Array<ServicePart | Unknown> {
  return names(body, 'services').flatMap((entry): Array<ServicePart | Unknown> => {
    if (entry.name === 'application-default') {
      return names(body, 'applications').flatMap((application): Array<ServicePart | Unknown> =>
        APPLICATION_PORTS[application.name] ?? [new Unknown(`application ${application.name} has no default ports known to zoneguard`, application.name)],
      );
    }
    const found = context.lookup<ServiceObject>(SERVICES).get(entry.name) ?? PREDEFINED_SERVICES[entry.name];
    if (found === undefined) return [new Unknown(`service ${entry.name} is not defined in the scanned code`, entry.name)];
    return found instanceof Unknown ? [found] : found;
  });
}

export const policyMappers: Record<string, ResourceMapper> = {
  panos_security_policy: mapPolicy,
  panos_security_rule_group: mapPolicy,
};
