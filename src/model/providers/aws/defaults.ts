/**
 * Values the AWS provider uses when an attribute is not written, per resource
 * type, from the Terraform AWS provider documentation (v5). Mappings read
 * defaults from here so that a rule can report "not set, so the default applies".
 */
export const AWS_DEFAULTS = {
  aws_db_instance: { publicly_accessible: false },
  aws_rds_cluster_instance: { publicly_accessible: false },
  aws_lb: { internal: false },
  aws_instance: { source_dest_check: true },
  aws_subnet: { map_public_ip_on_launch: false },
} as const;

export type DefaultedType = keyof typeof AWS_DEFAULTS;

/** Returns the provider default of `attribute` on `resourceType`, or undefined when none is recorded. */
export function awsDefault(resourceType: string, attribute: string): unknown {
  const table = (AWS_DEFAULTS as Record<string, Record<string, unknown>>)[resourceType];
  return table?.[attribute];
}
