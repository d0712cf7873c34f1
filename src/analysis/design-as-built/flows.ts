import { PortSet } from '../net/port-set.ts';
import { protocolLabel } from '../net/protocol.ts';
import { matrixSource } from '../reachability/matrix.ts';
import type { Flow, MatrixCell } from '../reachability/types.ts';

/** A firewall rule of the code that opens, between two zones, services the design does not allow. */
export interface FlowDeviation {
  ruleId: string;
  from: MatrixCell['from'];
  to: MatrixCell['to'];
  /** Protocols and ports the design lacks for this zone pair. */
  extra: Array<{ protocol: string; ports: PortSet }>;
}

/**
 * Compares each code flow with the design's zone-to-zone matrix, per rule, so
 * a finding points at the rule that opens the extra service. A design cell
 * that allows every protocol covers any service; otherwise each protocol's
 * ports must lie inside the design's ports for that protocol.
 */
export function compareFlows(code: readonly Flow[], design: readonly MatrixCell[]): FlowDeviation[] {
  const designCells = new Map(design.map((cell) => [`${cell.from}>${cell.to}`, cell]));
  const byRule = new Map<string, FlowDeviation>();
  for (const flow of code) {
    const from = matrixSource(flow);
    if (from === undefined) continue;
    const to = flow.targetZone ?? 'unclassified';
    const label = protocolLabel(flow.protocol);
    const allowed = designCells.get(`${from}>${to}`);
    const extra = extraPorts(flow, label, allowed);
    if (extra === undefined) continue;
    const key = `${flow.ruleId}|${from}>${to}`;
    const deviation = byRule.get(key) ?? { ruleId: flow.ruleId, from, to, extra: [] };
    const known = deviation.extra.find((entry) => entry.protocol === label);
    if (known) known.ports = known.ports.union(extra);
    else deviation.extra.push({ protocol: label, ports: extra });
    byRule.set(key, deviation);
  }
  return [...byRule.values()];
}

/** The ports of the flow outside the design cell, or undefined when the design covers the flow. */
function extraPorts(flow: Flow, protocol: string, allowed: MatrixCell | undefined): PortSet | undefined {
  const services = (allowed?.services ?? []).filter(
    (service) => service.protocol === 'all' || protocolLabel(service.protocol) === protocol,
  );
  if (flow.ports.length === 0) return services.length > 0 ? undefined : PortSet.empty();
  const designPorts = services.reduce((union, service) => union.union(PortSet.of(service.ports)), PortSet.empty());
  const extra = PortSet.of(flow.ports).subtract(designPorts);
  return extra.isEmpty() ? undefined : extra;
}
