import type { Flow } from '../../analysis/reachability/types.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { FirewallRule, InfrastructureModel } from '../../model/types.ts';
import { Unknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext, RuleReport } from '../types.ts';
import { exposureOf, mayOpen } from './support/exposure.ts';
import {
  describeRule,
  describeSources,
  describeTargets,
  findingLocation,
  flowDetail,
  flowEvidence,
  flowsByRule,
  type RuleFlows,
} from './support/flow-findings.ts';
import { formatServices, serviceListParameter, type NamedService } from './support/services.ts';
import { reportUnevaluated } from './support/unevaluated.ts';

const MANAGEMENT = 'managementPorts';
const DATABASE_ADMIN = 'databaseAdministrationPorts';

/**
 * Management ports of any host are reachable only from the management zone.
 * Every other source is a finding, unclassified space included; a group the
 * scanned code does not define cannot be verified and is reported as unknown.
 */
export default defineRule({
  id: 'management-ports-from-management-zone',
  check(context) {
    const ports = [
      ...serviceListParameter(context.meta, MANAGEMENT).map((service) => ({ ...service, list: MANAGEMENT })),
      ...serviceListParameter(context.meta, DATABASE_ADMIN).map((service) => ({ ...service, list: DATABASE_ADMIN })),
    ];
    const groups = flowsByRule(context.model, context.reachability.flows, notFromManagement);
    for (const group of groups) checkRule(context, group, ports);
    reportUnevaluated(context, (_entry, rule) => mayOpen(rule, ports));
  },
});

function notFromManagement(flow: Flow): boolean {
  if (flow.source.kind === 'zone') return flow.source.zone !== 'management';
  if (flow.source.kind === 'internet' || flow.source.kind === 'outside') return flow.outsidePath !== 'closed';
  return true;
}

/** A management service with the parameter it comes from, for `restsOn`. */
type ListedService = NamedService & { list: string };

function checkRule(context: RuleContext, { rule, flows }: RuleFlows, ports: ListedService[]): void {
  const external = flows.filter((flow) => flow.source.kind === 'external-group');
  const known = flows.filter((flow) => flow.source.kind !== 'external-group');
  const exposure = exposureOf(known, ports);
  if (exposure.services.length > 0) {
    const report = failure(context, rule, exposure.flows, exposure.services);
    const fix = managementCidrFix(context.model, rule, exposure.flows);
    context.report(fix === undefined ? report : { ...report, fix });
  }
  const unverified = exposureOf(external, ports);
  if (unverified.services.length > 0) reportUnverified(context, rule, unverified.flows, unverified.services);
}

function failure(context: RuleContext, rule: FirewallRule, flows: Flow[], exposed: NamedService[]): RuleReport {
  const services = formatServices(exposed);
  return {
    status: 'fail',
    messageId: 'exposed',
    data: {
      rule: describeRule(rule),
      services,
      source: describeSources(flows),
      targets: describeTargets(context.model, flows),
    },
    address: rule.origin.address,
    origin: rule.origin,
    subjectId: rule.id,
    location: findingLocation(rule, flows),
    detail: `${services}:${flowDetail([], flows)}`,
    evidence: flowEvidence(flows),
    restsOn: listsOf(exposed),
  };
}

function reportUnverified(context: RuleContext, rule: FirewallRule, flows: Flow[], exposed: NamedService[]): void {
  const services = formatServices(exposed);
  const groups = describeSources(flows);
  context.report({
    status: 'unknown',
    messageId: 'unverified-group',
    data: { rule: describeRule(rule), services, groups },
    address: rule.origin.address,
    origin: rule.origin,
    location: findingLocation(rule, flows),
    detail: `unverified:${services}:${flowDetail([], flows)}`,
    unknown: new Unknown('a group that the scanned code does not define', groups),
    restsOn: listsOf(exposed),
  });
}

/** Returns the parameters whose services are among `exposed`. */
function listsOf(exposed: NamedService[]): string[] {
  return [...new Set(exposed.map((service) => (service as ListedService).list))];
}

/**
 * Replaces a `cidr_blocks` list that opens a management port to 0.0.0.0/0
 * with the management segment's CIDR, when the site has exactly one.
 */
function managementCidrFix(
  model: InfrastructureModel,
  rule: FirewallRule,
  flows: Flow[],
): { location: SourceLocation; replacement: string } | undefined {
  const onlyPeer = rule.peers.length === 1 ? rule.peers[0] : undefined;
  if (onlyPeer?.kind !== 'cidr' || onlyPeer.cidr !== '0.0.0.0/0') return undefined;
  if (!flows.some((flow) => flow.source.kind === 'internet')) return undefined;
  const attribute = rule.path === '' ? 'cidr_blocks' : `${rule.path}.cidr_blocks`;
  const location = rule.origin.attributes[attribute];
  if (location === undefined) return undefined;
  const siteId = model.firewallSets.find((set) => set.id === rule.setId)?.siteId;
  const management = model.segments.filter(
    (segment) => segment.zone.zone === 'management' && (siteId === undefined || segment.siteId === siteId),
  );
  const cidrs = management[0]?.cidrs.filter((cidr) => !cidr.includes(':')) ?? [];
  if (management.length !== 1 || cidrs.length === 0) return undefined;
  return { location, replacement: `cidr_blocks = [${cidrs.map((cidr) => `"${cidr}"`).join(', ')}]` };
}

