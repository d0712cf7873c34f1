import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { SourceLocation } from '../../location.ts';
import type { FirewallRule, FirewallSet, Peer } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { elements, knownStr, nested, num, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { findOrAddSet } from '../implicit.ts';
import { addTargetSegment, byProtocol, serviceKey, sourceCidrs } from '../ordered-policy.ts';
import type { ResourceMapper } from '../registry.ts';
import { interfacesOf, type InterfaceRecord } from './interfaces.ts';
import { ADDRESS_GROUPS, ADDRESSES, SERVICE_GROUPS, SERVICES, type AddressObject, type ServiceObject } from './objects.ts';
import { PREDEFINED_SERVICES, type ServicePart } from './services.ts';

/**
 * Firewall policies. FortiOS matches a policy on its interfaces first, so the
 * policies toward one destination interface form one ordered set whose
 * targets are that interface's segment; within it, policies are evaluated by
 * `policyid`. The services of a policy make one rule per protocol.
 */

function mapPolicy(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  if (knownStr(body, 'status') === 'disable') return;
  const names = (block: string): Array<{ name: string; location: SourceLocation }> =>
    nested(body, block).flatMap((entry) =>
      elements(entry.body, 'name').flatMap((element) => (typeof element.value === 'string' ? [{ name: element.value, location: element.location }] : [])),
    );
  const policyOrigin = origin(instance);
  context.afterMapping('attach', () => {
    const order = num(body, 'policyid');
    const action = knownStr(body, 'action') === 'accept' ? 'allow' : 'deny';
    const sources = names('srcintf').map((entry) => entry.name);
    const peers = names('srcaddr').flatMap((entry) => addressPeers(entry.name, entry.location, sources, context));
    const localPeers = names('dstaddr').flatMap((entry) => addressPeers(entry.name, entry.location, [], context));
    const services = byProtocol(names('service').flatMap((entry) => servicesOf(entry.name, context)));
    for (const destination of names('dstintf')) {
      const set = policySet(destination.name, destination.location, context);
      services.forEach((service) => {
        const index = serviceKey(service);
        const rule: FirewallRule = {
          id: `${instance.address}/${index}`,
          setId: set.id,
          direction: 'ingress',
          action,
          protocol: service instanceof Unknown ? service : service.protocol,
          ports: service instanceof Unknown ? service : service.ports,
          peers,
          localPeers,
          origin: policyOrigin,
          path: '',
        };
        if (typeof order === 'number') rule.order = order;
        const description = knownStr(body, 'name') ?? knownStr(body, 'comments');
        if (description !== undefined) rule.description = description;
        set.rules.push(rule);
      });
    }
  });
}

/** The set of the policies toward one interface (or FortiOS zone), created with the first of them. */
function policySet(name: string, location: SourceLocation, context: MappingContext): FirewallSet {
  const set = findOrAddSet(`fortios:dstintf:${name}`, 'ordered-policy', location, context);
  set.name = `policies to ${name}`;
  for (const record of interfacesOf(name, context)) addTargetSegment(set, record.segmentId);
  return set;
}

/**
 * The peers an address name stands for. `all` from a source interface is the
 * interface's own subnet, or every address when the interface faces outside.
 */
function addressPeers(name: string, location: SourceLocation, interfaces: string[], context: MappingContext, seen = new Set<string>()): Peer[] {
  const cidr = (value: string): Peer => ({ kind: 'cidr', cidr: value, written: name, location });
  if (name === 'all') return allFrom(interfaces, context).map(cidr);
  if (name === 'none') return [];
  const group = context.lookup<string[]>(ADDRESS_GROUPS).get(name);
  if (group !== undefined && !seen.has(name)) {
    seen.add(name);
    return group.flatMap((member) => addressPeers(member, location, interfaces, context, seen));
  }
  const address = context.lookup<AddressObject>(ADDRESSES).get(name);
  if (address === undefined) return [{ kind: 'unknown', unknown: new Unknown(`address ${name} is not defined in the scanned code`, name), location }];
  if ('unknownReason' in address) return [{ kind: 'unknown', unknown: new Unknown(address.unknownReason, name), location }];
  return address.cidrs.map(cidr);
}

function allFrom(interfaces: string[], context: MappingContext): string[] {
  const records: InterfaceRecord[] = interfaces.flatMap((name) => (name === 'any' ? [{ outside: true }] : interfacesOf(name, context)));
  return sourceCidrs(records, context);
}

function servicesOf(name: string, context: MappingContext, seen = new Set<string>()): Array<ServicePart | Unknown> {
  const group = context.lookup<string[]>(SERVICE_GROUPS).get(name);
  if (group !== undefined && !seen.has(name)) {
    seen.add(name);
    return group.flatMap((member) => servicesOf(member, context, seen));
  }
  const custom = context.lookup<ServiceObject>(SERVICES).get(name);
  if (custom !== undefined) return Array.isArray(custom) ? custom : [new Unknown(custom.error, name)];
  const predefined = PREDEFINED_SERVICES[name.toUpperCase()];
  return predefined ?? [new Unknown(`service ${name} is neither predefined nor defined in the scanned code`, name)];
}

export const policyMappers: Record<string, ResourceMapper> = {
  fortios_firewall_policy: mapPolicy,
};
