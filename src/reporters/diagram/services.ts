import { protocolHasPorts, protocolLabel } from '../../analysis/net/protocol.ts';
import type { MatrixCell } from '../../analysis/reachability/types.ts';
import type { PortRange } from '../../model/types.ts';

const MAX_PORT = 65535;

/** Names the services of a matrix cell, sorted: `tcp 22, 80-443; udp 53; icmp`. */
export function describeServices(services: MatrixCell['services']): string {
  return services
    .map((service) => describeService(service.protocol, service.ports))
    .sort()
    .join('; ');
}

function describeService(protocol: MatrixCell['services'][number]['protocol'], ports: PortRange[]): string {
  if (protocol === 'all') return ports.length === 0 ? 'other protocols' : 'all protocols';
  const label = protocolLabel(protocol);
  if (!protocolHasPorts(protocol)) return label;
  return `${label} ${describePorts(ports)}`;
}

function describePorts(ports: PortRange[]): string {
  if (ports.length === 1 && ports[0]!.from === 0 && ports[0]!.to === MAX_PORT) return 'all ports';
  return [...ports]
    .sort((a, b) => a.from - b.from)
    .map((range) => (range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`))
    .join(', ');
}
