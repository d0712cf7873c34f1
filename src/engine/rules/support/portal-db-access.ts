import { PortSet } from '../../../analysis/net/port-set.ts';
import type {
  EvidenceStep,
  Flow,
  FlowSource,
  Reachability,
} from '../../../analysis/reachability/types.ts';
import type { Host, InfrastructureModel, Segment, ZoneKind } from '../../../model/types.ts';
import { databasePorts } from './portal-database.ts';
import { findRole, foldRole, isDatabaseHost } from './portal.ts';

/**
 * Which sources may reach a database server, and the flows that break it.
 * The web/application tier is every segment that a host or segment role marks
 * as web or application, plus every segment of an application-tier zone that
 * contains no database server. Administration zones may reach the administration
 * ports, and the database port itself when `administrationIncludesDatabasePort`.
 */
export interface DatabaseTierPolicy {
  applicationRoles: ReadonlySet<string>;
  applicationZones: readonly ZoneKind[];
  administrationZones: readonly ZoneKind[];
  administrationPorts: PortSet;
  administrationIncludesDatabasePort: boolean;
  /** Ports judged on a database host whose engine and port are unknown. */
  fallbackPorts: PortSet;
}

/** The flows of one firewall rule that reach one database from outside its allowed tiers. */
export interface DatabaseExposure {
  database: Host;
  ruleId: string;
  /** Sources that may not reach the database, as `internet` or `aws_subnet.x [user-wired]`. */
  sources: string[];
  /** Sources whose addresses the code does not say (a security group defined elsewhere). */
  undecided: string[];
  ports: PortSet;
  evidence: EvidenceStep[];
  /**
   * True when every offending source was judged by the tier parameters. A
   * source outside every zone (the internet) fails whatever their values.
   */
  judgedByTier: boolean;
  usedFallbackPorts: boolean;
}

interface SourcePart {
  label: string;
  permitted: PortSet;
  undecided?: boolean;
  byTier: boolean;
}

/** Collects the database exposures of the model, one per database and firewall rule. */
export function databaseExposures(
  model: InfrastructureModel,
  reachability: Reachability,
  policy: DatabaseTierPolicy,
): DatabaseExposure[] {
  const tiers = new SegmentTiers(model, policy);
  const databases = new DatabaseHosts(model);
  const exposures = new Map<string, DatabaseExposure>();
  for (const flow of reachability.flows) {
    for (const database of databases.reachedBy(flow)) {
      const key = `${database.id}\u0000${flow.ruleId}`;
      const exposure = exposures.get(key) ?? newExposure(database, flow, policy);
      if (addFlow(exposure, flow, tiers, policy)) exposures.set(key, exposure);
    }
  }
  return [...exposures.values()];
}

/**
 * The database hosts of the model by id and by firewall set, in model order.
 * Looking them up per flow, instead of filtering every host for every flow,
 * keeps the rule linear in the size of the estate.
 */
class DatabaseHosts {
  private readonly byId = new Map<string, Host[]>();
  private readonly bySet = new Map<string, Host[]>();

  constructor(model: InfrastructureModel) {
    for (const host of model.hosts) {
      if (!isDatabaseHost(host)) continue;
      appendHost(this.byId, host.id, host);
      for (const setId of new Set(host.firewallSetIds)) appendHost(this.bySet, setId, host);
    }
  }

  /** Returns the database hosts a flow lands on: its host, or the hosts that carry its firewall set. */
  reachedBy(flow: Flow): Host[] {
    const target = flow.target;
    return (target.kind === 'host' ? this.byId.get(target.hostId) : this.bySet.get(target.setId)) ?? [];
  }
}

function appendHost(map: Map<string, Host[]>, key: string, host: Host): void {
  const hosts = map.get(key);
  if (hosts === undefined) map.set(key, [host]);
  else hosts.push(host);
}

function newExposure(database: Host, flow: Flow, policy: DatabaseTierPolicy): DatabaseExposure {
  const ports = databasePorts(database, policy.fallbackPorts);
  return {
    database,
    ruleId: flow.ruleId,
    sources: [],
    undecided: [],
    ports: PortSet.empty(),
    evidence: flow.evidence,
    judgedByTier: true,
    usedFallbackPorts: ports === policy.fallbackPorts,
  };
}

/** Adds what the flow exposes, and returns true when the exposure is no longer empty. */
function addFlow(
  exposure: DatabaseExposure,
  flow: Flow,
  tiers: SegmentTiers,
  policy: DatabaseTierPolicy,
): boolean {
  const judged = judgedPorts(exposure.database, flow, policy);
  const ownPorts = databasePorts(exposure.database, policy.fallbackPorts);
  const parts = judged.isEmpty() ? [] : tiers.partsOf(flow.source, ownPorts);
  for (const part of parts) {
    const offending = judged.subtract(part.permitted);
    if (offending.isEmpty()) continue;
    (part.undecided === true ? exposure.undecided : exposure.sources).push(part.label);
    exposure.ports = exposure.ports.union(offending);
    exposure.judgedByTier &&= part.byTier;
  }
  return exposure.sources.length > 0 || exposure.undecided.length > 0;
}

/** Selects the database and administration ports a flow opens, because other rules judge the rest. */
function judgedPorts(database: Host, flow: Flow, policy: DatabaseTierPolicy): PortSet {
  if (flow.protocol !== 'tcp' && flow.protocol !== 'all') return PortSet.empty();
  const relevant = databasePorts(database, policy.fallbackPorts).union(policy.administrationPorts);
  return PortSet.of(flow.ports).intersect(relevant);
}

/** Decides which ports each source segment may use to reach a database. */
class SegmentTiers {
  private readonly segments: Map<string, Segment>;
  private readonly withDatabase = new Set<string>();
  private readonly withApplication = new Set<string>();

  constructor(
    model: InfrastructureModel,
    private readonly policy: DatabaseTierPolicy,
  ) {
    this.segments = new Map(model.segments.map((segment) => [segment.id, segment]));
    for (const host of model.hosts) {
      const into = isDatabaseHost(host)
        ? this.withDatabase
        : findRole(host, policy.applicationRoles) !== undefined
          ? this.withApplication
          : undefined;
      for (const segmentId of host.segmentIds) into?.add(segmentId);
    }
  }

  /** Splits a flow source into the parts judged one by one, each with the ports it may reach. */
  partsOf(source: FlowSource, ownPorts: PortSet): SourcePart[] {
    const none = PortSet.empty();
    switch (source.kind) {
      case 'internet':
        return [{ label: 'internet', permitted: none, byTier: false }];
      case 'outside':
        return [{ label: `outside ${shortCidrs(source.cidrs)}`, permitted: none, byTier: false }];
      case 'unclassified':
        return [{ label: `unclassified ${shortCidrs(source.cidrs)}`, permitted: none, byTier: true }];
      case 'external-group': {
        const label = `security group ${source.written}`;
        return [{ label, permitted: none, undecided: true, byTier: false }];
      }
      case 'zone':
        return this.zoneParts(source.zone, source.segmentIds, source.cidrs, ownPorts);
    }
  }

  private zoneParts(
    zone: ZoneKind,
    segmentIds: string[],
    cidrs: string[],
    ownPorts: PortSet,
  ): SourcePart[] {
    if (segmentIds.length === 0) {
      const application = this.policy.applicationZones.includes(zone);
      const permitted = application ? PortSet.all() : this.administration(zone, ownPorts);
      return [{ label: `zone ${zone} ${shortCidrs(cidrs)}`, permitted, byTier: true }];
    }
    return segmentIds.map((segmentId) => {
      const application = this.isApplicationSegment(segmentId, zone);
      const permitted = application ? PortSet.all() : this.administration(zone, ownPorts);
      return { label: `${segmentId} [${zone}]`, permitted, byTier: true };
    });
  }

  private isApplicationSegment(segmentId: string, zone: ZoneKind): boolean {
    if (this.withApplication.has(segmentId)) return true;
    const segment = this.segments.get(segmentId);
    const tagged = [segment?.tags['Role'], segment?.tags['Tier']].some(
      (word) => word !== undefined && this.policy.applicationRoles.has(foldRole(word)),
    );
    if (tagged) return true;
    return this.policy.applicationZones.includes(zone) && !this.withDatabase.has(segmentId);
  }

  private administration(zone: ZoneKind, databasePorts: PortSet): PortSet {
    if (!this.policy.administrationZones.includes(zone)) return PortSet.empty();
    const ports = this.policy.administrationPorts;
    return this.policy.administrationIncludesDatabasePort ? ports.union(databasePorts) : ports;
  }
}

function shortCidrs(cidrs: readonly string[]): string {
  if (cidrs.length === 0) return '(no addresses)';
  if (cidrs.length <= 3) return cidrs.join(', ');
  return `${cidrs.slice(0, 3).join(', ')} and ${cidrs.length - 3} more`;
}
