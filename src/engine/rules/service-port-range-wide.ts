import type { Flow } from '../../analysis/reachability/types.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { FirewallRule, Host, InfrastructureModel } from '../../model/types.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import {
  describeRule,
  describeSources,
  findingLocation,
  flowDetail,
  flowEvidence,
  flowsByRule,
  type RuleFlows,
} from './support/flow-findings.ts';
import { formatTraffic, trafficOf } from './support/services.ts';
import { reportUnevaluated } from './support/unevaluated.ts';

const MAX_PORTS = 'maxPorts';

/**
 * A rule does not open a wide port range (more than maxPorts ports, or all
 * protocols) to another zone or to outside, because a wide range opens ports
 * no service uses.
 */
export default defineRule({
  id: 'service-port-range-wide',
  check(context) {
    const maxPorts = maxPortsParameter(context);
    const groups = flowsByRule(context.model, context.reachability.flows, crossesZones);
    for (const group of groups) checkRule(context, group, maxPorts);
    reportUnevaluated(context, (entry) => entry.part === 'ports' || entry.part === 'protocol');
  },
});

function maxPortsParameter(context: RuleContext): number {
  const value = context.meta.parameters[MAX_PORTS];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`Parameter ${MAX_PORTS} of rule ${context.meta.id} must be a whole number above 0.`);
  }
  return value;
}

function crossesZones(flow: Flow): boolean {
  const source = flow.source;
  if (source.kind === 'zone') return flow.targetZone === undefined || source.zone !== flow.targetZone;
  if (source.kind === 'internet' || source.kind === 'outside') return flow.outsidePath !== 'closed';
  return true;
}

function checkRule(context: RuleContext, { rule, flows }: RuleFlows, maxPorts: number): void {
  if (isUnknown(rule.protocol) || isUnknown(rule.ports)) return;
  const traffic = trafficOf(rule.protocol, rule.ports);
  const count = traffic.ports.count();
  if (rule.protocol !== 'all' && count <= maxPorts) return;
  const report = {
    status: 'fail' as const,
    messageId: rule.protocol === 'all' ? 'all-protocols' : 'wide-range',
    data: { rule: describeRule(rule), ports: formatTraffic(traffic), count, source: describeSources(flows), max: maxPorts },
    address: rule.origin.address,
    origin: rule.origin,
    subjectId: rule.id,
    location: findingLocation(rule, flows),
    detail: flowDetail([traffic], flows),
    evidence: flowEvidence(flows),
    restsOn: [MAX_PORTS],
  };
  const fix = rule.protocol === 'all' ? singleServiceFix(context.model, rule) : undefined;
  context.report(fix === undefined ? report : { ...report, fix });
}

/**
 * Replaces protocol `-1` with `tcp` when every host that carries the group
 * declares exactly one service, and that service is tcp.
 */
function singleServiceFix(model: InfrastructureModel, rule: FirewallRule): { location: SourceLocation; replacement: string } | undefined {
  const hosts = model.hosts.filter((host) => host.firewallSetIds.includes(rule.setId));
  const services = new Set(hosts.flatMap((host: Host) => host.services.map((service) => `${service.protocol}`)));
  const counts = hosts.map((host) => host.services.length);
  if (hosts.length === 0 || counts.some((count) => count !== 1) || services.size !== 1 || !services.has('tcp')) return undefined;
  for (const attribute of ['protocol', 'ip_protocol']) {
    const path = rule.path === '' ? attribute : `${rule.path}.${attribute}`;
    const location = rule.origin.attributes[path];
    if (location !== undefined) return { location, replacement: `${attribute} = "tcp"` };
  }
  return undefined;
}

