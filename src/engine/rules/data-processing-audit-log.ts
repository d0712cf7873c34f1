import type { AuditTrail } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import type { Host } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/**
 * Every database logs its data processing: an audit trail with
 * `data-processing` events covers it by id, or covers everything. Cluster
 * members are covered through their cluster, which carries the log exports.
 */
export default defineRule({
  id: 'data-processing-audit-log',
  check(context) {
    const trails = (context.model.evidence?.auditTrails ?? []).filter((trail) => trail.events.includes('data-processing'));
    const databases = context.model.hosts.filter((host) => host.kind === 'database' && !isClusterMember(host));
    if (databases.length === 0 && trails.length === 0) {
      reportNotEvidenced(context, 'not-evidenced', 'data-processing audit log');
      return;
    }
    for (const database of databases) {
      if (!trails.some((trail) => covers(trail, database))) reportDatabase(context, database);
    }
  },
});

function isClusterMember(host: Host): boolean {
  return /(^|\.)aws_rds_cluster_instance\./.test(host.origin.address);
}

function covers(trail: AuditTrail, database: Host): boolean {
  return trail.scope.length === 0 || trail.scope.includes(database.id) || trail.scope.includes(database.name);
}

function reportDatabase(context: RuleContext, database: Host): void {
  const attribute = ['enabled_cloudwatch_logs_exports', 'engine', 'database_version'].find((path) => database.origin.attributes[path] !== undefined);
  context.report({
    status: 'fail',
    messageId: 'database-not-audited',
    data: { subject: database.id, engine: database.database?.engine ?? 'unknown engine' },
    address: database.id,
    origin: database.origin,
    location: locate(database.origin, attribute),
    detail: 'no-audit-log',
    subjectId: database.id,
  });
}
