/**
 * Pulumi's bridged providers name Terraform attributes in camelCase and
 * pluralise repeated blocks (`default_action` becomes `defaultActions`). The
 * mapping reads Terraform names, so property names are turned back.
 */

/** Pluralised block names, by Terraform type; `*` applies to every type. */
const RENAMED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '*': {
    defaultActions: 'default_action',
    ebsBlockDevices: 'ebs_block_device',
    ephemeralBlockDevices: 'ephemeral_block_device',
    routes: 'route',
    subnetMappings: 'subnet_mapping',
    targetGroups: 'target_group',
    vpcZoneIdentifiers: 'vpc_zone_identifier',
  },
  aws_instance: { networkInterfaces: 'network_interface' },
};

/**
 * Properties whose values are maps with keys the user chose (tag names);
 * their keys are kept as written.
 */
const USER_KEYED = new Set(['tags', 'tagsAll', 'defaultTags']);

/** The Terraform name of a Pulumi property of a resource of `terraformType`. */
export function terraformName(property: string, terraformType: string): string {
  const renamed = RENAMED[terraformType]?.[property] ?? RENAMED['*']?.[property];
  return renamed ?? snakeCase(property);
}

/** `fromPort` → `from_port`, `ipv6CidrBlocks` → `ipv6_cidr_blocks`, `userDataBase64` → `user_data_base64`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** True when the keys of this property's value are data, not property names. */
export function keepsKeys(property: string): boolean {
  return USER_KEYED.has(property);
}
