import { parseAddress, formatAddress } from '../../analysis/net/address.ts';
import type { ResourceInstance } from '../../loaders/terraform/types.ts';
import type { Host, HostKind } from '../types.ts';
import { Unknown } from '../unknown.ts';
import { origin, tags, type Element } from './body.ts';
import type { MappingContext } from './context.ts';
import { addRoles, rolesFromName, rolesFromTags } from './host-roles.ts';
import { GROUP_NAMES, referenceOf, resolveReference, unresolved } from './references.ts';
import { parseServiceTag } from './services.ts';

/** Building blocks for hosts shared by every provider mapping. */

const SERVICE_TAG_KEYS = ['Service', 'Services', 'service', 'services'] as const;

/** Creates a host with its tags, name roles and declared services. Links are resolved later. */
export function newHost(instance: ResourceInstance, kind: HostKind, context: MappingContext): Host {
  const hostTags = tags(instance.body);
  const host: Host = {
    id: instance.address,
    name: hostTags['Name'] ?? instance.name,
    kind,
    segmentIds: [],
    firewallSetIds: [],
    addresses: [],
    publicAddress: false,
    roles: rolesFromTags(hostTags),
    services: [],
    sourceDestCheck: true,
    tags: hostTags,
    origin: origin(instance),
  };
  addRoles(host.roles, rolesFromName(host.name));
  if (host.name !== instance.name) addRoles(host.roles, rolesFromName(instance.name));
  readServiceTags(host, context);
  return host;
}

function readServiceTags(host: Host, context: MappingContext): void {
  for (const key of SERVICE_TAG_KEYS) {
    const text = host.tags[key];
    if (text === undefined) continue;
    const parsed = parseServiceTag(text);
    if (parsed.ok) {
      host.services.push(...parsed.services);
      continue;
    }
    context.diagnose({
      code: 'invalid-port-range',
      severity: 'warning',
      message: `${host.id}: tag ${key} = ${JSON.stringify(text)} is invalid. ${parsed.error}`,
      hint: 'Write services as name:port[/tcp|udp] separated by commas, e.g. "https:443/tcp, ssh:22".',
      location: host.origin.attributes['tags'] ?? host.origin.location,
      subject: host.id,
    });
  }
}

/** Resolves subnet references into `segmentIds`, or records why the segment is unknown. */
export function linkSegments(host: Host, subnets: readonly Element[], context: MappingContext): void {
  context.afterMapping('resolve', () => {
    for (const subnet of subnets) {
      const reference = referenceOf(subnet);
      const segmentId = resolveReference(reference, 'segment', context);
      if (segmentId === undefined) {
        host.segmentUnknown ??= unresolved(reference, 'subnet');
      } else if (!host.segmentIds.includes(segmentId)) {
        host.segmentIds.push(segmentId);
      }
    }
    const first = context.model.segments.find((segment) => segment.id === host.segmentIds[0]);
    if (first?.siteId !== undefined) host.siteId = first.siteId;
  });
}

/**
 * Resolves security group references into `firewallSetIds`. A literal is a
 * group id or, in `security_groups`, a group name. A group the code does not
 * define is left out.
 * NOTE: the host does not record that its groups are then only partly known.
 */
export function linkGroups(host: Host, groups: readonly Element[], context: MappingContext): void {
  context.afterMapping('resolve', () => {
    for (const group of groups) {
      const reference = referenceOf(group);
      const byName = reference.literal === undefined ? undefined : context.lookup<string>(GROUP_NAMES).get(reference.literal);
      const setId = resolveReference(reference, 'firewall-set', context) ?? byName;
      if (setId !== undefined && !host.firewallSetIds.includes(setId)) {
        host.firewallSetIds.push(setId);
      }
    }
  });
}

/** Returns a private address as canonical text, or undefined when it is not an address. */
export function canonicalAddress(text: string): string | undefined {
  const parsed = parseAddress(text.trim());
  return parsed === undefined ? undefined : formatAddress(parsed.family, parsed.value);
}

/** Marks a host with no subnet as being in the default subnet, which the code does not show. */
export function defaultSubnetUnknown(host: Host): void {
  host.segmentUnknown = new Unknown('no subnet written: launched in a default subnet', host.id);
}
