import type { Host, HostRole, InfrastructureModel } from '../../../model/types.ts';
import { isUnknown } from '../../../model/unknown.ts';

/**
 * Tiers of a web portal, read from host roles. Role words vary between teams,
 * so each tier accepts the usual synonyms; a `Role` tag may list several roles
 * separated by commas (`Role = "web,db"`).
 */

const WEB_ROLES = new Set(['web', 'www', 'webserver', 'frontend', 'portal', 'nginx', 'apache', 'httpd', 'iis']);
const DATABASE_ROLES = new Set([
  'db',
  'database',
  'rds',
  'sql',
  'mysql',
  'mariadb',
  'postgres',
  'postgresql',
  'oracle',
  'mssql',
  'sqlserver',
  'mongodb',
]);

/** Tag keys that carry a host's role or tier. */
const ROLE_TAG_KEYS = ['Role', 'role', 'Tier', 'tier'];

/** Lower case without `-`, `_` and spaces, so `Web-Server` and `webserver` match. */
export function foldRole(text: string): string {
  return text.trim().toLowerCase().replace(/[-_\s]+/g, '');
}

/**
 * Lists the roles of a host, folded: those the model found, split at commas,
 * plus each word of its role tags, in case the mapping kept `web,db` as one role.
 */
export function rolesOf(host: Host): HostRole[] {
  const roles: HostRole[] = [];
  for (const role of host.roles) {
    for (const word of role.role.split(',')) roles.push({ ...role, role: foldRole(word) });
  }
  for (const key of ROLE_TAG_KEYS) {
    const value = host.tags[key];
    if (value === undefined) continue;
    for (const word of value.split(',')) {
      roles.push({ role: foldRole(word), source: 'tag', evidence: `tag ${key} = "${value}"` });
    }
  }
  return roles.filter((role) => role.role !== '');
}

/** Finds the first role of the host that is one of `words`, which are already folded. */
export function findRole(host: Host, words: ReadonlySet<string>): HostRole | undefined {
  return rolesOf(host).find((role) => words.has(role.role));
}

/**
 * Finds the web role of a host. The model also marks every load balancer
 * target as web, internal load balancers included, so that source is left out
 * here and `internetFacingTargets` decides instead.
 */
export function webRole(host: Host): HostRole | undefined {
  return rolesOf(host).find((role) => WEB_ROLES.has(role.role) && role.source !== 'load-balancer-target');
}

export function databaseRole(host: Host): HostRole | undefined {
  return findRole(host, DATABASE_ROLES);
}

/** Roles written as one word set, for parameters that list role names. */
export function roleSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(foldRole));
}

/** Tells whether a host is a database resource or an instance whose role is a database. */
export function isDatabaseHost(host: Host): boolean {
  return host.kind === 'database' || databaseRole(host) !== undefined;
}

/**
 * Maps each host an internet-facing load balancer forwards to onto that load
 * balancer. A load balancer whose scheme is unknown is left out.
 */
export function internetFacingTargets(model: InfrastructureModel): Map<string, Host> {
  const groups = new Map(model.targetGroups.map((group) => [group.id, group]));
  const targets = new Map<string, Host>();
  for (const host of model.hosts) {
    const facing = host.loadBalancer?.internetFacing;
    if (facing === undefined || isUnknown(facing) || !facing) continue;
    for (const groupId of host.loadBalancer?.targetGroupIds ?? []) {
      for (const targetId of groups.get(groupId)?.targetHostIds ?? []) {
        if (!targets.has(targetId)) targets.set(targetId, host);
      }
    }
  }
  return targets;
}

/** Indexes the hosts of the model by id. */
export function hostsById(model: InfrastructureModel): Map<string, Host> {
  return new Map(model.hosts.map((host) => [host.id, host]));
}
