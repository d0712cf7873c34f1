import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import type { AuditEvent } from '../../../evidence.ts';
import { bool, elements, nested, origin } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf } from './record.ts';

/**
 * CloudTrail management events record privilege use in every region the trail
 * covers; console sign-ins and IAM password changes are global events, so
 * only a trail with `include_global_service_events` (the default) records
 * them. A trail with logging off, or with management events excluded from
 * every selector, records none of them. CloudTrail data events cover object
 * stores and functions, never database queries, so they are not mapped as
 * data-processing logs.
 */
const SIGN_IN_EVENTS: AuditEvent[] = ['authentication-success', 'authentication-failure', 'logon', 'password-change'];

function mapTrail(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  if (bool(body, 'enable_logging') === false || !recordsManagementEvents(instance)) return;
  const events: AuditEvent[] = ['privilege-use'];
  if (bool(body, 'include_global_service_events') !== false) events.push(...SIGN_IN_EVENTS);
  evidenceOf(context).auditTrails.push({ id: instance.address, events, scope: [], origin: origin(instance) });
}

function recordsManagementEvents(instance: ResourceInstance): boolean {
  const selectors = nested(instance.body, 'event_selector');
  if (selectors.length === 0) return true;
  return selectors.some((selector) => bool(selector.body, 'include_management_events') !== false);
}

/**
 * Database log exports: the `audit` log (MySQL, MariaDB, SQL Server, Oracle,
 * DocumentDB) records data processing and log-ons; PostgreSQL writes pgaudit
 * output to its `postgresql` log. The trail covers only that database.
 */
const AUDIT_EXPORTS = new Set(['audit', 'postgresql']);

function mapLogExports(instance: ResourceInstance, context: MappingContext): void {
  const exported = elements(instance.body, 'enabled_cloudwatch_logs_exports').map((element) => element.value);
  if (!exported.some((name) => typeof name === 'string' && AUDIT_EXPORTS.has(name))) return;
  evidenceOf(context).auditTrails.push({
    id: `${instance.address}/enabled_cloudwatch_logs_exports`,
    events: ['data-processing', 'logon', 'authentication-failure', 'authentication-success'],
    scope: [instance.address],
    origin: origin(instance),
  });
}

export const auditMappers: Record<string, ResourceMapper> = {
  aws_cloudtrail: mapTrail,
  aws_db_instance: mapLogExports,
  aws_rds_cluster: mapLogExports,
  aws_docdb_cluster: mapLogExports,
};
