import { PortSet } from '../net/port-set.ts';
import { protocolLabel } from '../net/protocol.ts';
import type { Protocol } from '../../model/types.ts';
import type { Flow, MatrixCell } from './types.ts';

interface MatrixEntry {
  cell: MatrixCell;
  ruleIds: Set<string>;
  services: Map<string, { protocol: Protocol; ports: PortSet }>;
}

/** Builds the zone-to-zone matrix: per (from, to) pair, the union of services and the rules that open them. */
export function buildMatrix(flows: readonly Flow[]): MatrixCell[] {
  const cells = new Map<string, MatrixEntry>();
  for (const flow of flows) {
    const from = matrixSource(flow);
    if (from === undefined) continue;
    const to = flow.targetZone ?? 'unclassified';
    const key = `${from}>${to}`;
    let entry = cells.get(key);
    if (entry === undefined) {
      entry = { cell: { from, to, services: [], ruleIds: [] }, ruleIds: new Set(), services: new Map() };
      cells.set(key, entry);
    }
    entry.ruleIds.add(flow.ruleId);
    const label = protocolLabel(flow.protocol);
    const known = entry.services.get(label);
    const ports = PortSet.of(flow.ports);
    entry.services.set(label, { protocol: flow.protocol, ports: known ? known.ports.union(ports) : ports });
  }
  return [...cells.values()].map(({ cell, ruleIds, services }) => ({
    ...cell,
    ruleIds: [...ruleIds],
    services: [...services.values()].map((service) => ({ protocol: service.protocol, ports: service.ports.ranges() })),
  }));
}

/** The matrix row of a flow's source: its zone or kind of outside address, undefined for other sources. */
export function matrixSource(flow: Flow): MatrixCell['from'] | undefined {
  switch (flow.source.kind) {
    case 'zone':
      return flow.source.zone;
    case 'internet':
    case 'outside':
    case 'unclassified':
      return flow.source.kind;
    default:
      return undefined;
  }
}
