import { parsePortSpec } from '../../../analysis/net/port-set.ts';
import type { PortRange, Protocol } from '../../types.ts';
import type { ServicePart } from '../ordered-policy.ts';

export type { ServicePart };

const tcp = (...ports: number[]): ServicePart => ({ protocol: 'tcp', ports: ports.map((port) => ({ from: port, to: port })) });
const udp = (...ports: number[]): ServicePart => ({ protocol: 'udp', ports: ports.map((port) => ({ from: port, to: port })) });

/** NSX predefined services, by the last part of their path (`/infra/services/SSH`). */
export const PREDEFINED_SERVICES: Record<string, ServicePart[]> = {
  SSH: [tcp(22)],
  TELNET: [tcp(23)],
  FTP: [tcp(21)],
  HTTP: [tcp(80)],
  HTTPS: [tcp(443)],
  RDP: [tcp(3389)],
  'DNS': [tcp(53)],
  'DNS-UDP': [udp(53)],
  NTP: [udp(123)],
  SNMP: [udp(161)],
  SMTP: [tcp(25)],
  LDAP: [tcp(389)],
  'LDAP-over-SSL': [tcp(636)],
  MySQL: [tcp(3306)],
  'MS-SQL-S': [tcp(1433)],
  'Oracle-Database': [tcp(1521)],
  'PostgreSQL': [tcp(5432)],
  'ICMP-ALL': [{ protocol: 'icmp', ports: [] }],
  'ICMP Echo Request': [{ protocol: 'icmp', ports: [] }],
};

/** `destination_ports` of an `l4_port_set_entry`: `["22", "80-90"]`; none is every port. */
export function readL4Ports(values: string[]): PortRange[] | string {
  if (values.length === 0) return [{ from: 0, to: 65535 }];
  const parsed = parsePortSpec(values);
  return parsed.ok ? parsed.ranges : parsed.error;
}
