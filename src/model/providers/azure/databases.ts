import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { DatabaseInfo } from '../../types.ts';
import { attr, bool, elements, knownStr, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { linkSegments, newHost } from '../hosts.ts';
import type { ResourceMapper } from '../registry.ts';
import { engineService } from '../services.ts';
import { azureDefault } from './defaults.ts';

/** Azure SQL, PostgreSQL and MySQL servers: public unless public network access is turned off. */

const ENGINES: Record<string, string> = {
  azurerm_mssql_server: 'sqlserver',
  azurerm_sql_server: 'sqlserver',
  azurerm_postgresql_flexible_server: 'postgres',
  azurerm_mysql_flexible_server: 'mysql',
};

function databaseInfo(instance: ResourceInstance): DatabaseInfo {
  const body = instance.body;
  const written = bool(body, 'public_network_access_enabled');
  const delegated = attr(body, 'delegated_subnet_id') !== undefined;
  // A flexible server in a delegated subnet has no public endpoint.
  const fallback = !delegated && azureDefault(instance.type, 'public_network_access_enabled') === true;
  const engine = ENGINES[instance.type]!;
  const info: DatabaseInfo = {
    engine,
    publiclyAccessible: written ?? fallback,
    publiclyAccessibleSource: written === undefined ? 'default' : 'attribute',
  };
  const port = engineService(engine)?.port;
  if (port !== undefined) info.port = port;
  return info;
}

function mapDatabase(instance: ResourceInstance, context: MappingContext): void {
  const host = newHost(instance, 'database', context);
  const info = databaseInfo(instance);
  host.database = info;
  host.publicAddress = info.publiclyAccessible;
  host.roles.push({ role: 'database', source: 'engine', evidence: `resource type ${instance.type}` });
  const service = engineService(info.engine!);
  if (service !== undefined) {
    host.services.push({ name: service.name, protocol: 'tcp', ports: [{ from: service.port, to: service.port }], source: 'engine' });
  }
  context.model.hosts.push(host);
  linkSegments(host, elements(instance.body, 'delegated_subnet_id'), context);
  collectAdministratorPassword(instance, context);
}

/**
 * `administrator_login_password` written as a literal is a credential; the
 * shared scan does not know this attribute name.
 */
function collectAdministratorPassword(instance: ResourceInstance, context: MappingContext): void {
  const found = attr(instance.body, 'administrator_login_password');
  if (found === undefined || typeof found.value !== 'string' || found.value === '') return;
  const userName = knownStr(instance.body, 'administrator_login');
  context.model.credentials.push({
    id: `${instance.address}/administrator_login_password`,
    subjectId: instance.address,
    attribute: 'administrator_login_password',
    value: found.value,
    ...(userName === undefined ? {} : { userName }),
    location: found.location,
    origin: origin(instance),
  });
}

export const databaseMappers: Record<string, ResourceMapper> = Object.fromEntries(
  Object.keys(ENGINES).map((type) => [type, mapDatabase]),
);
