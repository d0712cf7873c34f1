/**
 * Values the azurerm provider uses when an attribute is not written, per
 * resource type, from the Terraform azurerm provider documentation (v3 and v4).
 * Mappings read defaults from here so that a rule can report "not set, so the
 * default applies".
 */
export const AZURE_DEFAULTS = {
  azurerm_mssql_server: { public_network_access_enabled: true },
  azurerm_sql_server: { public_network_access_enabled: true },
  // The flexible servers are public unless they are placed in a delegated subnet.
  azurerm_postgresql_flexible_server: { public_network_access_enabled: true },
  azurerm_mysql_flexible_server: { public_network_access_enabled: true },
} as const;

/** Returns the provider default of `attribute` on `resourceType`, or undefined when none is recorded. */
export function azureDefault(resourceType: string, attribute: string): unknown {
  const table = (AZURE_DEFAULTS as Record<string, Record<string, unknown>>)[resourceType];
  return table?.[attribute];
}
