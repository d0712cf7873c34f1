import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Host } from '../../types.ts';
import { elements, knownStr, nested } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { addRoles, rolesFromUserData } from '../host-roles.ts';
import { newHost } from '../hosts.ts';
import type { ResourceMapper } from '../registry.ts';
import { linkInterfaces } from './interfaces.ts';

/**
 * Virtual machines, placed through their network interfaces. Their literal
 * `admin_password` (also inside `os_profile`) is collected as a credential by
 * the shared credential scan.
 */

function mapVirtualMachine(instance: ResourceInstance, context: MappingContext): void {
  const host = newHost(instance, 'instance', context);
  host.name = knownStr(instance.body, 'name') ?? host.name;
  readCustomData(host, instance);
  context.model.hosts.push(host);
  linkInterfaces(host, elements(instance.body, 'network_interface_ids'), context);
}

/** `custom_data` and `user_data` are base64; `os_profile` of the legacy VM holds plain text. */
function readCustomData(host: Host, instance: ResourceInstance): void {
  const profile = nested(instance.body, 'os_profile')[0]?.body;
  const written =
    knownStr(instance.body, 'custom_data') ??
    knownStr(instance.body, 'user_data') ??
    (profile === undefined ? undefined : knownStr(profile, 'custom_data'));
  if (written === undefined) return;
  const text = decodeBase64(written) ?? written;
  host.userData = text;
  addRoles(host.roles, rolesFromUserData(text));
}

function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  // Only text that decodes to printable characters was written as base64.
  return /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(decoded) && !decoded.includes('\ufffd') ? decoded : undefined;
}

export const computeMappers: Record<string, ResourceMapper> = {
  azurerm_linux_virtual_machine: mapVirtualMachine,
  azurerm_windows_virtual_machine: mapVirtualMachine,
  azurerm_virtual_machine: mapVirtualMachine,
};
