import type { HostRole } from '../types.ts';

/** Roles of hosts read from tags, names and user data, each with its evidence. */

const ROLE_TAG_KEYS = ['Role', 'Tier', 'role', 'tier'] as const;

/** Words in a resource or host name and the role each suggests. */
const NAME_ROLES: Record<string, string> = {
  web: 'web',
  app: 'app',
  db: 'database',
  database: 'database',
  bastion: 'bastion',
  jump: 'bastion',
  nat: 'nat',
  proxy: 'proxy',
  fw: 'firewall',
};

/** Package names whose installation in user data makes a host a database server. */
const DATABASE_PACKAGES =
  /\b(mysql-server|mysql-community-server|postgresql(?:-server)?|mariadb(?:-server)?|mongodb(?:-org)?|redis-server|mssql-server|oracle-database)\b/i;
const PACKAGE_INSTALL = /\b(apt-get|apt|yum|dnf|zypper|apk)\s+(-\S+\s+)*(install|add)\b/i;

export function rolesFromTags(tags: Record<string, string>): HostRole[] {
  const roles: HostRole[] = [];
  for (const key of ROLE_TAG_KEYS) {
    const value = tags[key];
    if (value === undefined || value.trim() === '') continue;
    const role = value.trim().toLowerCase();
    roles.push({ role, source: 'tag', evidence: `tag ${key} = ${JSON.stringify(value)}` });
  }
  return roles;
}

/** Splits `orders-db`, `webServer` and `jump_1` into words and looks each up. */
export function rolesFromName(name: string): HostRole[] {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== '');
  const roles: HostRole[] = [];
  for (const word of words) {
    const role = NAME_ROLES[word];
    if (role === undefined || roles.some((found) => found.role === role)) continue;
    roles.push({ role, source: 'name', evidence: `name '${word}' in "${name}"` });
  }
  return roles;
}

/** Returns the database role when the user data installs a database server package. */
export function rolesFromUserData(userData: string): HostRole[] {
  for (const line of userData.split(/\r?\n/)) {
    if (!PACKAGE_INSTALL.test(line)) continue;
    const found = DATABASE_PACKAGES.exec(line);
    if (found !== null) {
      const evidence = `user data installs ${found[1]}`;
      return [{ role: 'database', source: 'user-data', evidence }];
    }
  }
  return [];
}

/** Adds roles not yet present with the same role and source. */
export function addRoles(into: HostRole[], roles: readonly HostRole[]): void {
  for (const role of roles) {
    const present = into.some((found) => found.role === role.role && found.source === role.source);
    if (!present) into.push(role);
  }
}
