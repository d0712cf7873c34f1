import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { FirewallRule, FirewallSet, Host } from '../../types.ts';
import { bool, elements, knownStr, nested, origin, type NestedBody } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { newHost } from '../hosts.ts';
import type { ResourceMapper } from '../registry.ts';
import { cidrPeer } from '../rule-parts.ts';
import { engineService } from '../services.ts';
import { recordDatabaseAudit } from './database-audit.ts';

/**
 * Cloud SQL instances. A public IPv4 address (`ipv4_enabled`, true by default)
 * with authorized networks is reachable from those networks; the authorized
 * networks become an allow rule on the database port, so 0.0.0.0/0 there is
 * exposure to the internet like any other rule.
 */

function mapSqlInstance(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const host = newHost(instance, 'database', context);
  host.name = knownStr(body, 'name') ?? host.name;
  const version = knownStr(body, 'database_version')?.toLowerCase() ?? '';
  const service = engineService(version);
  const ipConfiguration = nested(body, 'settings').flatMap((settings) => nested(settings.body, 'ip_configuration', settings.path))[0];
  const ipv4 = ipConfiguration === undefined ? undefined : bool(ipConfiguration.body, 'ipv4_enabled');
  const networks = ipConfiguration === undefined ? [] : nested(ipConfiguration.body, 'authorized_networks', ipConfiguration.path);
  const publicIp = ipv4 ?? true;
  host.database = {
    engine: version,
    publiclyAccessible: publicIp === true ? networks.length > 0 : publicIp,
    publiclyAccessibleSource: ipv4 === undefined ? 'default' : 'attribute',
  };
  host.publicAddress = host.database.publiclyAccessible;
  host.roles.push({ role: 'database', source: 'engine', evidence: `database_version ${JSON.stringify(version)}` });
  if (service !== undefined) {
    host.database.port = service.port;
    host.services.push({ name: service.name, protocol: 'tcp', ports: [{ from: service.port, to: service.port }], source: 'engine' });
  }
  context.model.hosts.push(host);
  recordDatabaseAudit(instance, version, context);
  if (publicIp !== false && networks.length > 0) authorizedNetworks(instance, host, networks, context);
}

function authorizedNetworks(instance: ResourceInstance, host: Host, networks: NestedBody[], context: MappingContext): void {
  const setOrigin = origin(instance);
  const set: FirewallSet = {
    id: `${instance.address}/authorized_networks`,
    name: `${host.name} authorized networks`,
    kind: 'stateful-group',
    segmentIds: [],
    rules: [],
    tags: {},
    origin: setOrigin,
  };
  const port = host.database?.port;
  networks.forEach((network) => {
    const peers = elements(network.body, 'value').map((element) => cidrPeer(element, context, instance.address));
    const rule: FirewallRule = {
      id: `${instance.address}/${network.path}`,
      setId: set.id,
      direction: 'ingress',
      action: 'allow',
      protocol: 'tcp',
      ports: port === undefined ? [{ from: 0, to: 65535 }] : [{ from: port, to: port }],
      peers,
      origin: setOrigin,
      path: network.path,
    };
    set.rules.push(rule);
  });
  context.model.firewallSets.push(set);
  host.firewallSetIds.push(set.id);
}

export const databaseMappers: Record<string, ResourceMapper> = {
  google_sql_database_instance: mapSqlInstance,
};
