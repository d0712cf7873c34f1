import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Host } from '../../types.ts';
import { Unknown } from '../../unknown.ts';
import { bool, elements, knownStr, nested, num, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { addRoles, rolesFromUserData } from '../host-roles.ts';
import { canonicalAddress, defaultSubnetUnknown, linkGroups, linkSegments, newHost } from '../hosts.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { blockDeviceVolumes } from './storage.ts';

/** EC2 instances, launch templates and autoscaling groups. */

function mapInstance(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const host = newHost(instance, 'instance', context);
  readUserData(host, body);
  host.sourceDestCheck = bool(body, 'source_dest_check') ?? true;
  for (const element of [...elements(body, 'private_ip'), ...elements(body, 'private_ips')]) {
    const address = typeof element.value === 'string' ? canonicalAddress(element.value) : undefined;
    if (address !== undefined) host.addresses.push(address);
  }
  context.model.hosts.push(host);
  const subnets = elements(body, 'subnet_id');
  if (subnets.length === 0) defaultSubnetUnknown(host);
  linkSegments(host, subnets, context);
  linkGroups(host, [...elements(body, 'vpc_security_group_ids'), ...elements(body, 'security_groups')], context);
  const publicIp = bool(body, 'associate_public_ip_address');
  context.afterMapping('derive', () => derivePublicAddress(host, publicIp, context));
  context.model.volumes.push(...blockDeviceVolumes(instance));
}

/**
 * Reads user data, decoding it when it was written through `base64encode`,
 * and adds the database role when it installs a database server.
 */
function readUserData(host: Host, body: EvaluatedBody): void {
  const written = knownStr(body, 'user_data') ?? decodeBase64(knownStr(body, 'user_data_base64'));
  if (written === undefined) return;
  const text = decodeBase64(written) ?? written;
  host.userData = text;
  addRoles(host.roles, rolesFromUserData(text));
}

function decodeBase64(text: string | undefined): string | undefined {
  if (text === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    return undefined;
  }
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  // Only text that decodes to printable characters is user data written as base64.
  return /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(decoded) && !decoded.includes('\ufffd')
    ? decoded
    : undefined;
}

/**
 * Sets whether the host has a public address. The host's own setting decides,
 * and without one the subnet's `map_public_ip_on_launch` does. An elastic IP
 * makes it public either way, because its step keeps a `true`.
 */
function derivePublicAddress(host: Host, written: Host['publicAddress'] | undefined, context: MappingContext): void {
  if (host.publicAddress === true) return;
  if (written !== undefined) {
    host.publicAddress = written;
    return;
  }
  const segment = context.model.segments.find((candidate) => candidate.id === host.segmentIds[0]);
  if (segment !== undefined) host.publicAddress = segment.mapPublicIp;
  else if (host.segmentUnknown !== undefined) {
    host.publicAddress = new Unknown('the subnet and its public IP setting are unknown', host.id);
  }
}

function mapLaunchTemplate(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const host = newHost(instance, 'launch-template', context);
  readUserData(host, body);
  context.model.hosts.push(host);
  const interfaces = nested(body, 'network_interfaces');
  const groups = [...elements(body, 'vpc_security_group_ids'), ...elements(body, 'security_group_names')];
  const subnets: Element[] = [];
  let publicIp: Host['publicAddress'] | undefined;
  for (const networkInterface of interfaces) {
    groups.push(...elements(networkInterface.body, 'security_groups'));
    subnets.push(...elements(networkInterface.body, 'subnet_id'));
    publicIp ??= bool(networkInterface.body, 'associate_public_ip_address');
  }
  linkSegments(host, subnets, context);
  linkGroups(host, groups, context);
  if (publicIp !== undefined) context.lookup<Host['publicAddress']>(TEMPLATE_PUBLIC_IP).set(host.id, publicIp);
  context.afterMapping('derive', () => derivePublicAddress(host, publicIp, context));
}

/** The `associate_public_ip_address` a launch template writes, by template id. */
const TEMPLATE_PUBLIC_IP = 'aws-launch-template-public-ip';

function mapAutoscalingGroup(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const host = newHost(instance, 'autoscaling-group', context);
  host.capacity = {
    min: num(body, 'min_size') ?? new Unknown('min_size not written', 'min_size'),
    max: num(body, 'max_size') ?? new Unknown('max_size not written', 'max_size'),
  };
  context.model.hosts.push(host);
  linkSegments(host, elements(body, 'vpc_zone_identifier'), context);
  const template = nested(body, 'launch_template')[0] ?? nested(body, 'launch_configuration')[0];
  const templateId = template === undefined ? undefined : elements(template.body, 'id')[0];
  context.afterMapping('resolve', () => {
    if (templateId === undefined) return;
    const id = resolveReference(referenceOf(templateId), 'host', context);
    if (id !== undefined) host.templateId = id;
  });
  // Queued one step later so that the template's own derived facts are settled first.
  context.afterMapping('derive', () =>
    context.afterMapping('derive', () => inheritTemplate(host, context)),
  );
  linkTargetGroups(host, elements(body, 'target_group_arns'), context);
}

/** Copies the template's groups, roles and placement onto the autoscaling group that runs it. */
function inheritTemplate(host: Host, context: MappingContext): void {
  const template = context.model.hosts.find((candidate) => candidate.id === host.templateId);
  if (template === undefined) return;
  for (const setId of template.firewallSetIds) {
    if (!host.firewallSetIds.includes(setId)) host.firewallSetIds.push(setId);
  }
  addRoles(host.roles, template.roles);
  if (template.userData !== undefined) host.userData ??= template.userData;
  if (host.segmentIds.length === 0) host.segmentIds.push(...template.segmentIds);
  const written = context.lookup<Host['publicAddress']>(TEMPLATE_PUBLIC_IP).get(template.id);
  derivePublicAddress(host, written, context);
}

/** Adds the host to the target groups it registers with. */
export function linkTargetGroups(host: Host, groups: readonly Element[], context: MappingContext): void {
  context.afterMapping('resolve', () => {
    for (const group of groups) {
      const id = resolveReference(referenceOf(group), 'target-group', context);
      const targetGroup = context.model.targetGroups.find((candidate) => candidate.id === id);
      if (targetGroup !== undefined && !targetGroup.targetHostIds.includes(host.id)) {
        targetGroup.targetHostIds.push(host.id);
      }
    }
  });
}

export const computeMappers: Record<string, ResourceMapper> = {
  aws_instance: mapInstance,
  aws_launch_template: mapLaunchTemplate,
  aws_autoscaling_group: mapAutoscalingGroup,
};
