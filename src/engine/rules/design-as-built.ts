import { compareFlows, compareSegments, zonesNotBuilt } from '../../analysis/design-as-built/index.ts';
import type { FlowDeviation } from '../../analysis/design-as-built/index.ts';
import { formatPortRange } from '../../analysis/net/port-set.ts';
import { locate } from '../../model/location.ts';
import type { InfrastructureModel } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';

/**
 * The deployed network matches the approved design: every segment the code
 * builds lies in a design zone of the same kind, every zone-to-zone flow the
 * code opens is one the design allows, and every design zone of a site the
 * code builds exists in the code. Runs only when the scan has a design.
 */
export default defineRule({
  id: 'design-as-built',
  check(context) {
    const design = context.design;
    if (design === undefined) return;
    reportSegments(context, design.model);
    reportFlows(context, compareFlows(context.reachability.flows, design.reachability.matrix));
    for (const zone of zonesNotBuilt(context.model, design.model)) {
      context.report({
        status: 'fail',
        messageId: 'zone-not-built',
        data: { zone: zone.id, kind: zone.zone.zone ?? 'unclassified', cidrs: zone.cidrs.join(', ') },
        address: zone.id,
        origin: zone.origin,
        detail: `not-built:${zone.cidrs.join(',')}`,
      });
    }
  },
});

function reportSegments(context: RuleContext, design: InfrastructureModel): void {
  for (const deviation of compareSegments(context.model, design)) {
    const { segment, designZone } = deviation;
    const data: Record<string, string> = {
      segment: segment.id,
      cidrs: segment.cidrs.join(', '),
      zone: segment.zone.zone ?? 'unclassified',
    };
    if (designZone) Object.assign(data, { designZone: designZone.id, designKind: designZone.zone.zone ?? 'unclassified' });
    context.report({
      status: 'fail',
      messageId: deviation.kind,
      data,
      address: segment.id,
      origin: segment.origin,
      detail: `${deviation.kind}:${segment.cidrs.join(',')}`,
      ...(designZone ? { related: [{ location: designZone.origin.location, message: `Design zone ${designZone.id}.` }] } : {}),
    });
  }
}

function reportFlows(context: RuleContext, deviations: FlowDeviation[]): void {
  const rules = new Map(context.model.firewallSets.flatMap((set) => set.rules.map((rule) => [rule.id, rule] as const)));
  for (const { ruleId, from, to, extra } of deviations) {
    const rule = rules.get(ruleId);
    if (rule === undefined) continue;
    const services = extra.map(({ protocol, ports }) => `${protocol} ${ports.ranges().map(formatPortRange).join(', ')}`.trim()).join('; ');
    context.report({
      status: 'fail',
      messageId: 'flow-not-in-design',
      data: { from, to, services, rule: rule.id },
      address: rule.origin.address,
      origin: rule.origin,
      location: locate(rule.origin, rule.path || undefined),
      detail: `flow:${from}>${to}:${services}`,
    });
  }
}
