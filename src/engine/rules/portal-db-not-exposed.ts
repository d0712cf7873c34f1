import createDebug from 'debug';
import { locate } from '../../model/location.ts';
import type { FirewallRule, Host } from '../../model/types.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext, RuleReport } from '../types.ts';
import { isDatabaseHost, roleSet } from './support/portal.ts';
import {
  databaseExposures,
  type DatabaseExposure,
  type DatabaseTierPolicy,
} from './support/portal-db-access.ts';
import { tcpPorts } from './support/portal-database.ts';
import {
  booleanParameter,
  defaultsAmong,
  portListParameter,
  stringListParameter,
  zoneListParameter,
} from './support/portal-parameters.ts';
import {
  isGuessedZone,
  placementsOf,
  subnetLocation,
  zoneEvidence,
  type Placement,
} from './support/portal-zones.ts';

const log = createDebug('zoneguard:engine:portal-db-not-exposed');

/**
 * Database servers sit in the internal zone, are not publicly accessible, and
 * are reached only from the web/application tier (administration ports also
 * from the management zone). Each of the three is its own finding.
 */
export default defineRule({
  id: 'portal-db-not-exposed',
  check(context) {
    const databases = context.model.hosts.filter(isDatabaseHost);
    for (const database of databases) {
      checkPublicAccess(database, context);
      // A launch template names no subnet; its autoscaling group is placed instead.
      if (database.kind !== 'launch-template') checkPlacement(database, context);
    }
    const policy = tierPolicy(context);
    for (const exposure of databaseExposures(context.model, context.reachability, policy)) {
      reportExposure(exposure, context);
    }
    checkUnevaluatedRules(databases, context);
  },
});

function checkPublicAccess(database: Host, context: RuleContext): void {
  const info = database.database;
  if (info === undefined || info.publiclyAccessible === false) return;
  const location = locate(database.origin, 'publicly_accessible');
  const common = {
    address: database.id,
    origin: database.origin,
    location,
    detail: 'publicly-accessible',
  };
  if (isUnknown(info.publiclyAccessible)) {
    const unknown = info.publiclyAccessible;
    const data = { database: database.id, reason: unknown.reason, expression: unknown.origin };
    const messageId = 'publicly-accessible-unknown';
    context.report({ ...common, status: 'unknown', messageId, data, unknown });
    return;
  }
  const data = { database: database.id };
  const report: RuleReport = { ...common, status: 'fail', messageId: 'publicly-accessible', data };
  // A value set inside a module is shared by every caller, so only root code gets a one-line fix.
  const fixable =
    info.publiclyAccessibleSource === 'attribute' && database.origin.moduleCalls.length === 0;
  if (fixable) report.fix = { location, replacement: 'publicly_accessible = false' };
  context.report(report);
}

function checkPlacement(database: Host, context: RuleContext): void {
  const { location, attribute } = subnetLocation(database);
  const common = { address: database.id, origin: database.origin, location };
  if (database.segmentUnknown !== undefined) {
    const unknown = database.segmentUnknown;
    const data = { database: database.id, reason: unknown.reason, expression: unknown.origin };
    const messageId = 'placement-unknown';
    context.report({ ...common, status: 'unknown', messageId, data, unknown, detail: 'zone:unknown' });
    return;
  }

  const placements = placementsOf(database, context.model);
  if (placements.length === 0) log('%s has no subnet and no zoned group; placement not judged', database.id);
  const outside = placements.filter((placement) => placement.zone !== 'internal');
  if (outside.length === 0) return;

  const messageId = outside.some(isGuessedZone) ? 'outside-internal-zone-guessed' : 'outside-internal-zone';
  const data = {
    database: database.id,
    attribute: attribute ?? 'subnet',
    segments: outside.map(describePlacement).join('; '),
  };
  const detail = `zone:${outside.map((placement) => placement.placeId).sort().join(',')}`;
  context.report({ ...common, status: 'fail', messageId, data, detail });
}

function describePlacement(placement: Placement): string {
  return `${placement.placeId} [${placement.zone ?? 'no single zone'}: ${zoneEvidence(placement)}]`;
}

function tierPolicy(context: RuleContext): DatabaseTierPolicy {
  const meta = context.meta;
  return {
    applicationRoles: roleSet(stringListParameter(meta, 'applicationTierRoles')),
    applicationZones: zoneListParameter(meta, 'applicationTierZones'),
    administrationZones: zoneListParameter(meta, 'administrationZones'),
    administrationPorts: tcpPorts(portListParameter(meta, 'administrationPorts')),
    administrationIncludesDatabasePort: booleanParameter(meta, 'administrationIncludesDatabasePort'),
    fallbackPorts: tcpPorts(portListParameter(meta, 'databasePorts')),
  };
}

function reportExposure(exposure: DatabaseExposure, context: RuleContext): void {
  const { database, ruleId } = exposure;
  const sources = [...new Set(exposure.sources)].sort();
  const undecided = [...new Set(exposure.undecided)].sort();
  const ports = `tcp ${exposure.ports.toString()}`;
  const definite = sources.length > 0;
  const named = definite ? sources : undecided;
  const data = { database: database.id, rule: ruleId, ports, sources: named.join(', ') };
  context.report({
    status: definite ? 'fail' : 'unknown',
    messageId: definite ? 'reachable-outside-tier' : 'reachable-from-undefined-group',
    data,
    address: database.id,
    origin: database.origin,
    related: relatedRule(ruleId, context),
    evidence: exposure.evidence,
    detail: `${ruleId}|${ports}|${[...sources, ...undecided].join(',')}`,
    restsOn: defaultsAmong(context.meta, restingParameters(exposure)),
  });
}

function relatedRule(ruleId: string, context: RuleContext): RuleReport['related'] {
  const rule = findFirewallRule(ruleId, context);
  if (rule === undefined) return [];
  const location = locate(rule.origin, rule.path === '' ? undefined : rule.path);
  return [{ location, message: `Firewall rule ${ruleId}.` }];
}

function restingParameters(exposure: DatabaseExposure): string[] {
  const names: string[] = [];
  if (exposure.judgedByTier) names.push('applicationTierRoles', 'applicationTierZones');
  if (exposure.usedFallbackPorts) names.push('databasePorts');
  return names;
}

function findFirewallRule(ruleId: string, context: RuleContext): FirewallRule | undefined {
  for (const set of context.model.firewallSets) {
    const rule = set.rules.find((candidate) => candidate.id === ruleId);
    if (rule !== undefined) return rule;
  }
  return undefined;
}

/** Reports each unevaluated rule of a database's firewall sets, since it may expose the database. */
function checkUnevaluatedRules(databases: Host[], context: RuleContext): void {
  for (const entry of context.reachability.unevaluated) {
    const rule = findFirewallRule(entry.ruleId, context);
    if (rule === undefined || rule.direction !== 'ingress') continue;
    const protectedDatabases = databases.filter((host) => host.firewallSetIds.includes(rule.setId));
    for (const database of protectedDatabases) {
      const data = {
        database: database.id,
        rule: entry.ruleId,
        part: entry.part,
        reason: entry.unknown.reason,
        expression: entry.unknown.origin,
      };
      context.report({
        status: 'unknown',
        messageId: 'rule-unevaluated',
        data,
        address: database.id,
        origin: database.origin,
        location: entry.location,
        detail: `${entry.ruleId}|unevaluated:${entry.part}`,
        unknown: entry.unknown,
      });
    }
  }
}
