import type { Flow } from '../../analysis/reachability/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
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

const PROTOCOLS = 'clearTextProtocols';

/**
 * Clear-text management protocols are not exposed by an ingress rule to
 * anything outside the target's own zone, so passwords never cross a zone
 * boundary unencrypted.
 */
export default defineRule({
  id: 'service-insecure-protocol',
  check(context) {
    const protocols = serviceListParameter(context.meta, PROTOCOLS);
    const groups = flowsByRule(context.model, context.reachability.flows, crossesZones);
    for (const group of groups) checkRule(context, group, protocols);
    reportUnevaluated(context, (_entry, rule) => mayOpen(rule, protocols));
  },
});

/** Keeps a flow from anywhere but the target's own zone, leaving out closed outside paths. */
function crossesZones(flow: Flow): boolean {
  const source = flow.source;
  if (source.kind === 'zone') return flow.targetZone === undefined || source.zone !== flow.targetZone;
  if (source.kind === 'internet' || source.kind === 'outside') return flow.outsidePath !== 'closed';
  return true;
}

function checkRule(context: RuleContext, { rule, flows }: RuleFlows, protocols: NamedService[]): void {
  const known = flows.filter((flow) => flow.source.kind !== 'external-group');
  const exposure = exposureOf(known, protocols);
  if (exposure.services.length === 0) return;
  const services = formatServices(exposure.services);
  context.report({
    status: 'fail',
    messageId: 'exposed',
    data: {
      rule: describeRule(rule),
      services,
      source: describeSources(exposure.flows),
      targets: describeTargets(context.model, exposure.flows),
    },
    address: rule.origin.address,
    origin: rule.origin,
    subjectId: rule.id,
    location: findingLocation(rule, exposure.flows),
    detail: `${services}:${flowDetail([], exposure.flows)}`,
    evidence: flowEvidence(exposure.flows),
    restsOn: [PROTOCOLS],
  });
}
