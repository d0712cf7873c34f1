import type { Flow } from '../../analysis/reachability/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { exposureOf, mayOpen } from './support/exposure.ts';
import { flowsByRule, type RuleFlows } from './support/flow-findings.ts';
import { formatServices, serviceListParameter, type NamedService } from './support/services.ts';
import { reportUnevaluated } from './support/unevaluated.ts';
import { reportRuleFlows } from './zone-isolation/flow-report.ts';

const MANAGEMENT = 'managementPorts';
const USER_ZONES = new Set(['user-wired', 'user-wireless']);

/**
 * Administration is done only from administrators' computers, so the user
 * zones reach no management-zone address at all and no management port of
 * any other host. One finding per firewall rule: a rule that admits users
 * into the management zone is reported as such, whatever the port.
 */
export default defineRule({
  id: 'user-zone-no-management',
  check(context) {
    const ports = serviceListParameter(context.meta, MANAGEMENT);
    for (const group of flowsByRule(context.model, context.reachability.flows, isFromUserZone, true)) {
      checkRule(context, group, ports);
    }
    const exposed = exposedOutsideManagement(context, ports);
    reportUnevaluated(context, (entry, rule) => entry.part !== 'target' && mayOpen(rule, ports) && !exposed.has(rule.id));
  },
});

/**
 * Firewall rules whose known sources already reach management ports from
 * outside the management zone. The management-ports rule fails them, and an
 * unknown source can only add a user zone to that same failure, so reporting
 * it again as not evaluated would count one fault twice.
 */
function exposedOutsideManagement(context: RuleContext, ports: NamedService[]): Set<string> {
  const outside = (flow: Flow) => {
    if (flow.source.kind === 'zone') return flow.source.zone !== 'management';
    if (flow.source.kind === 'internet' || flow.source.kind === 'outside') return flow.outsidePath !== 'closed';
    return flow.source.kind === 'unclassified';
  };
  const groups = flowsByRule(context.model, context.reachability.flows, outside);
  return new Set(groups.filter(({ flows }) => exposureOf(flows, ports).services.length > 0).map(({ rule }) => rule.id));
}

function isFromUserZone(flow: Flow): boolean {
  return flow.source.kind === 'zone' && USER_ZONES.has(flow.source.zone);
}

function checkRule(context: RuleContext, { rule, flows }: RuleFlows, ports: NamedService[]): void {
  const intoManagement = flows.filter((flow) => flow.targetZone === 'management');
  if (intoManagement.length > 0) {
    reportRuleFlows(context, { rule, flows: intoManagement }, { messageId: 'management-zone' });
    return;
  }
  const exposure = exposureOf(flows, ports);
  if (exposure.services.length === 0) return;
  reportRuleFlows(context, { rule, flows: exposure.flows }, {
    messageId: 'management-port',
    data: { services: formatServices(exposure.services) },
    restsOn: [MANAGEMENT],
  });
}
