import type { Flow } from '../../analysis/reachability/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleMeta } from '../types.ts';
import { flowsByRule } from './support/flow-findings.ts';
import { serviceListParameter, trafficBeyond, trafficOf, type NamedService } from './support/services.ts';
import { reportUnevaluated } from './support/unevaluated.ts';
import { reportRuleFlows } from './zone-isolation/flow-report.ts';
import { zonesOfSet } from './zone-isolation/set-zones.ts';

const ALLOWED = 'allowedPartnerFlows';
const PROTECTED_ZONES = new Set<string>(['internal', 'management']);

/** An agreed partner flow: traffic to one host or group, by address. */
interface AgreedFlow {
  target: string;
  service: NamedService;
}

/**
 * Partners work only in their own zone and reach only what was agreed with
 * them (Đ6.1): a flow from the partner zone into the internal or management
 * zone is a finding unless `allowedPartnerFlows` lists its target and ports.
 */
export default defineRule({
  id: 'partner-zone-isolated',
  check(context) {
    const agreed = agreedFlows(context.meta);
    const intoProtected = (flow: Flow) => isFromPartner(flow) && isProtected(flow);
    for (const { rule, flows } of flowsByRule(context.model, context.reachability.flows, intoProtected, true)) {
      const offending = flows.filter((flow) => !isAgreed(flow, agreed, rule.setId));
      if (offending.length === 0) continue;
      reportRuleFlows(context, { rule, flows: offending }, { messageId: 'reaches-protected', restsOn: [ALLOWED] });
    }
    reportUnevaluated(context, (entry, rule) => {
      return entry.part === 'source' && [...zonesOfSet(context.model, rule.setId)].some((zone) => PROTECTED_ZONES.has(zone));
    });
  },
});

function isFromPartner(flow: Flow): boolean {
  return flow.source.kind === 'zone' && flow.source.zone === 'partner';
}

function isProtected(flow: Flow): boolean {
  return flow.targetZone !== undefined && PROTECTED_ZONES.has(flow.targetZone);
}

/** True when an agreed flow names the flow's host or group (or the rule's group) and covers its traffic. */
function isAgreed(flow: Flow, agreed: readonly AgreedFlow[], setId: string): boolean {
  const targets = new Set([flow.target.kind === 'host' ? flow.target.hostId : flow.target.setId, setId]);
  const services = agreed.filter((entry) => targets.has(entry.target)).map((entry) => entry.service);
  if (services.length === 0) return false;
  return trafficBeyond(trafficOf(flow.protocol, flow.ports), services).length === 0;
}

/** Reads `allowedPartnerFlows`: entries of `{ target, protocol, ports }`. */
function agreedFlows(meta: RuleMeta): AgreedFlow[] {
  const services = serviceListParameter(meta, ALLOWED);
  const entries = meta.parameters[ALLOWED] as Array<{ target?: unknown }>;
  return services.map((service, i) => {
    const target = entries[i]?.target;
    if (typeof target !== 'string' || target === '') {
      throw new TypeError(`Parameter ${ALLOWED} of rule ${meta.id} needs a target address in every entry; fix it in .zoneguard.yml.`);
    }
    return { target, service };
  });
}
