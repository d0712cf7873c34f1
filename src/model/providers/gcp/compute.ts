import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Host } from '../../types.ts';
import { isObjectValue, attr, elements, knownStr, nested, tags, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { addRoles, rolesFromTags, rolesFromUserData } from '../host-roles.ts';
import { canonicalAddress, newHost } from '../hosts.ts';
import { Unknown } from '../../unknown.ts';
import type { ResourceMapper } from '../registry.ts';
import { FIREWALL_SCOPES, type FirewallScope } from './firewall.ts';
import { selectorSetId } from './firewall-rules.ts';
import { resolveName } from './names.ts';

/**
 * Compute instances: placed by their network interfaces, public through an
 * `access_config`, and selected by firewalls through network tags and their
 * service account.
 */

interface Selection {
  networkIds: Set<string>;
  tags: string[];
  accounts: string[];
}

function mapInstance(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const host = newHost(instance, 'instance', context);
  host.name = knownStr(body, 'name') ?? host.name;
  host.tags = tags(body, 'labels');
  addRoles(host.roles, rolesFromTags(host.tags));
  readStartupScript(host, instance);
  const interfaces = nested(body, 'network_interface');
  for (const networkInterface of interfaces) {
    const address = knownStr(networkInterface.body, 'network_ip');
    const canonical = address === undefined ? undefined : canonicalAddress(address);
    if (canonical !== undefined) host.addresses.push(canonical);
    const access = [...nested(networkInterface.body, 'access_config'), ...nested(networkInterface.body, 'ipv6_access_config')];
    if (access.length > 0) host.publicAddress = true;
  }
  host.sourceDestCheck = attr(body, 'can_ip_forward')?.value !== true;
  context.model.hosts.push(host);
  const selection: Selection = {
    networkIds: new Set(),
    tags: texts(elements(body, 'tags')),
    accounts: nested(body, 'service_account').flatMap((account) => texts(elements(account.body, 'email'))),
  };
  context.afterMapping('resolve', () => placeHost(host, interfaces.map((found) => found.body), selection, context));
  context.afterMapping('derive', () => selectFirewalls(host, selection, context));
}

function texts(found: readonly Element[]): string[] {
  return found.flatMap((element) => (typeof element.value === 'string' ? [element.value] : []));
}

function readStartupScript(host: Host, instance: ResourceInstance): void {
  const metadata = attr(instance.body, 'metadata')?.value;
  const fromMetadata = isObjectValue(metadata) ? metadata['startup-script'] : undefined;
  const script = knownStr(instance.body, 'metadata_startup_script') ?? (typeof fromMetadata === 'string' ? fromMetadata : undefined);
  if (script === undefined) return;
  host.userData = script;
  addRoles(host.roles, rolesFromUserData(script));
}

/** Resolves each interface's subnetwork (or network, for an auto-mode network) once all are mapped. */
function placeHost(host: Host, interfaces: ReturnType<typeof nested>[number]['body'][], selection: Selection, context: MappingContext): void {
  for (const body of interfaces) {
    const subnetwork = elements(body, 'subnetwork')[0];
    const segmentId = resolveName('subnetwork', subnetwork, context);
    const segment = context.model.segments.find((candidate) => candidate.id === segmentId);
    if (segment !== undefined) {
      if (!host.segmentIds.includes(segment.id)) host.segmentIds.push(segment.id);
      if (segment.siteId !== undefined) selection.networkIds.add(segment.siteId);
    } else {
      host.segmentUnknown ??= new Unknown('subnetwork not defined by the scanned code', subnetwork === undefined ? 'network_interface' : String(subnetwork.value));
    }
    const networkId = resolveName('network', elements(body, 'network')[0], context);
    if (networkId !== undefined) selection.networkIds.add(networkId);
  }
  const first = context.model.segments.find((segment) => segment.id === host.segmentIds[0]);
  if (first?.siteId !== undefined) host.siteId = first.siteId;
}

/** Attaches the firewalls of the host's networks that target it, and the groups of its tags and account. */
function selectFirewalls(host: Host, selection: Selection, context: MappingContext): void {
  const add = (setId: string): void => {
    if (!host.firewallSetIds.includes(setId) && context.kindOf(setId) === 'firewall-set') host.firewallSetIds.push(setId);
  };
  for (const scope of context.lookup<FirewallScope>(FIREWALL_SCOPES).values()) {
    if (scope.networkId === undefined || !selection.networkIds.has(scope.networkId)) continue;
    if (targets(scope, selection)) add(scope.set.id);
  }
  for (const tag of selection.tags) add(selectorSetId('tag', tag));
  for (const account of selection.accounts) add(selectorSetId('service-account', account));
}

function targets(scope: FirewallScope, selection: Selection): boolean {
  if (scope.targetTags.length === 0 && scope.targetAccounts.length === 0) return true;
  return scope.targetTags.some((tag) => selection.tags.includes(tag)) ||
    scope.targetAccounts.some((account) => selection.accounts.includes(account));
}

export const computeMappers: Record<string, ResourceMapper> = {
  google_compute_instance: mapInstance,
};
