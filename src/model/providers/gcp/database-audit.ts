import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import { emptyEvidence } from '../../evidence.ts';
import { knownStr, nested, origin } from '../body.ts';
import type { MappingContext } from '../context.ts';

/**
 * Cloud SQL audit flags as audit evidence. Cloud SQL sends database logs to
 * Cloud Logging on its own, so a flag that turns the audit log on is enough:
 * for PostgreSQL `cloudsql.enable_pgaudit = on` with a `pgaudit.log` class
 * that records reads or writes, and for MySQL `cloudsql_mysql_audit = ON`. The
 * trail covers only that instance.
 */

/** pgaudit classes that record the statements which read or change data. */
const DATA_CLASSES = new Set(['all', 'read', 'write']);

export function recordDatabaseAudit(instance: ResourceInstance, version: string, context: MappingContext): void {
  const flags = databaseFlags(instance);
  if (!auditsDataProcessing(version, flags)) return;
  context.model.evidence ??= emptyEvidence();
  context.model.evidence.auditTrails.push({
    id: `${instance.address}/database_flags`,
    events: ['data-processing', 'logon', 'authentication-failure', 'authentication-success'],
    scope: [instance.address],
    origin: origin(instance),
  });
}

/** The `database_flags` blocks of `settings`, by flag name, with known values only. */
function databaseFlags(instance: ResourceInstance): Map<string, string> {
  const flags = new Map<string, string>();
  for (const settings of nested(instance.body, 'settings')) {
    for (const flag of nested(settings.body, 'database_flags', settings.path)) {
      const name = knownStr(flag.body, 'name');
      const value = knownStr(flag.body, 'value');
      if (name !== undefined && value !== undefined) flags.set(name, value.trim().toLowerCase());
    }
  }
  return flags;
}

function auditsDataProcessing(version: string, flags: Map<string, string>): boolean {
  if (version.startsWith('postgres')) {
    if (flags.get('cloudsql.enable_pgaudit') !== 'on') return false;
    const classes = (flags.get('pgaudit.log') ?? '').split(',').map((word) => word.trim());
    return classes.some((word) => DATA_CLASSES.has(word));
  }
  if (version.startsWith('mysql')) {
    const audit = flags.get('cloudsql_mysql_audit');
    return audit === 'on' || audit === 'force_plus_permanent';
  }
  return false;
}
