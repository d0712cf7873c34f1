import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { DatabaseInfo, Host } from '../../types.ts';
import { bool, elements, knownStr, num, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { linkGroups, linkSegments, newHost } from '../hosts.ts';
import { referenceOf, unresolved, type Reference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';
import { engineService } from '../services.ts';
import { awsDefault } from './defaults.ts';

/** RDS instances and clusters, and the DB subnet groups that place them. */

/** A DB subnet group: not a model object, but the way a database finds its segments. */
interface SubnetGroup {
  id: string;
  name?: string;
  subnets: Element[];
}

const SUBNET_GROUPS = 'aws-db-subnet-groups';

function mapSubnetGroup(instance: ResourceInstance, context: MappingContext): void {
  const group: SubnetGroup = { id: instance.address, subnets: elements(instance.body, 'subnet_ids') };
  const name = knownStr(instance.body, 'name');
  if (name !== undefined) group.name = name;
  context.lookup<SubnetGroup>(SUBNET_GROUPS).set(group.id, group);
}

/**
 * Finds the subnet group `db_subnet_group_name` names. The reference
 * `aws_db_subnet_group.data.name` evaluates to the configured name `"data"`,
 * so a literal is matched against the names of the groups.
 */
function findSubnetGroup(reference: Reference, context: MappingContext): SubnetGroup | undefined {
  const groups = context.lookup<SubnetGroup>(SUBNET_GROUPS);
  if (reference.address !== undefined) return groups.get(reference.address);
  if (reference.literal === undefined) return undefined;
  return [...groups.values()].find((group) => group.name === reference.literal);
}

function databaseInfo(instance: ResourceInstance): DatabaseInfo {
  const body = instance.body;
  const written = bool(body, 'publicly_accessible');
  const fallback = awsDefault(instance.type, 'publicly_accessible');
  const info: DatabaseInfo = {
    publiclyAccessible: written ?? fallback === true,
    publiclyAccessibleSource: written === undefined ? 'default' : 'attribute',
  };
  const engine = knownStr(body, 'engine');
  if (engine !== undefined) info.engine = engine;
  const port = num(body, 'port');
  const enginePort = engine === undefined ? undefined : engineService(engine)?.port;
  if (typeof port === 'number') info.port = port;
  else if (enginePort !== undefined) info.port = enginePort;
  return info;
}

function mapDatabase(instance: ResourceInstance, context: MappingContext): void {
  const host = newHost(instance, 'database', context);
  const info = databaseInfo(instance);
  host.database = info;
  host.publicAddress = info.publiclyAccessible;
  addEngineFacts(host, info);
  context.model.hosts.push(host);
  if (instance.type === 'aws_rds_cluster') recordCluster(instance, context);
  linkGroups(host, elements(instance.body, 'vpc_security_group_ids'), context);
  const groupElement = elements(instance.body, 'db_subnet_group_name')[0];
  if (groupElement !== undefined) linkSubnetGroup(host, info, referenceOf(groupElement), context);
  else if (instance.type === 'aws_rds_cluster_instance') linkCluster(host, instance, context);
}

function addEngineFacts(host: Host, info: DatabaseInfo): void {
  if (info.engine === undefined) return;
  const service = engineService(info.engine);
  const evidence = `engine ${JSON.stringify(info.engine)}`;
  if (!host.roles.some((role) => role.role === 'database' && role.source === 'engine')) {
    host.roles.push({ role: 'database', source: 'engine', evidence });
  }
  if (service === undefined || info.port === undefined) return;
  const ports = [{ from: info.port, to: info.port }];
  host.services.push({ name: service.name, protocol: 'tcp', ports, source: 'engine' });
}

/** Sets the database's segments to the subnets of its group once subnets are known. */
function linkSubnetGroup(
  host: Host,
  info: DatabaseInfo,
  reference: Reference,
  context: MappingContext,
): void {
  context.afterMapping('attach', () => {
    const group = findSubnetGroup(reference, context);
    if (group === undefined) {
      host.segmentUnknown = unresolved(reference, 'DB subnet group');
      return;
    }
    info.subnetGroupId = group.id;
    linkSegments(host, group.subnets, context);
  });
}

const CLUSTER_IDENTIFIERS = 'aws-rds-cluster-identifiers';

/** Records a cluster's `cluster_identifier`, which its instances may name literally. */
function recordCluster(instance: ResourceInstance, context: MappingContext): void {
  const identifier = knownStr(instance.body, 'cluster_identifier');
  if (identifier !== undefined) {
    context.lookup<string>(CLUSTER_IDENTIFIERS).set(identifier, instance.address);
  }
}

/** Copies the cluster's placement and groups onto a cluster instance without a subnet group. */
function linkCluster(host: Host, instance: ResourceInstance, context: MappingContext): void {
  const cluster = elements(instance.body, 'cluster_identifier')[0];
  if (cluster === undefined) return;
  const reference = referenceOf(cluster);
  context.afterMapping('derive', () => {
    const literal = reference.literal;
    const clusterId =
      reference.address ??
      (literal === undefined ? undefined : context.lookup<string>(CLUSTER_IDENTIFIERS).get(literal));
    const parent = context.model.hosts.find((candidate) => candidate.id === clusterId);
    if (parent === undefined) return;
    if (host.segmentIds.length === 0) host.segmentIds.push(...parent.segmentIds);
    if (host.siteId === undefined && parent.siteId !== undefined) host.siteId = parent.siteId;
    for (const setId of parent.firewallSetIds) {
      if (!host.firewallSetIds.includes(setId)) host.firewallSetIds.push(setId);
    }
    const subnetGroupId = parent.database?.subnetGroupId;
    if (subnetGroupId !== undefined && host.database !== undefined) {
      host.database.subnetGroupId = subnetGroupId;
    }
  });
}

export const databaseMappers: Record<string, ResourceMapper> = {
  aws_db_instance: mapDatabase,
  aws_rds_cluster: mapDatabase,
  aws_rds_cluster_instance: mapDatabase,
  aws_db_subnet_group: mapSubnetGroup,
};
