import { parsePortSpec } from '../../../analysis/net/port-set.ts';
import type { PortRange } from '../../types.ts';
import type { ServicePart } from '../ordered-policy.ts';

export type { ServicePart };

const tcp = (...ports: number[]): ServicePart => ({ protocol: 'tcp', ports: ports.map((port) => ({ from: port, to: port })) });
const udp = (...ports: number[]): ServicePart => ({ protocol: 'udp', ports: ports.map((port) => ({ from: port, to: port })) });

/** Every protocol on every port: the service `any`, and the application `any`. */
export const ANY: ServicePart[] = [{ protocol: 'all', ports: [{ from: 0, to: 65535 }] }];

/** PAN-OS predefined service objects. */
export const PREDEFINED_SERVICES: Record<string, ServicePart[]> = {
  any: ANY,
  'service-http': [tcp(80, 8080)],
  'service-https': [tcp(443)],
};

/**
 * The default ports of common App-ID applications, which `application-default`
 * opens. An application not listed leaves the rule's ports unknown.
 */
export const APPLICATION_PORTS: Record<string, ServicePart[]> = {
  any: ANY,
  ssh: [tcp(22)],
  telnet: [tcp(23)],
  ftp: [tcp(21)],
  'ms-rdp': [tcp(3389)],
  vnc: [tcp(5900)],
  'web-browsing': [tcp(80)],
  ssl: [tcp(443)],
  dns: [tcp(53), udp(53)],
  ntp: [udp(123)],
  snmp: [udp(161)],
  ldap: [tcp(389)],
  smtp: [tcp(25)],
  mysql: [tcp(3306)],
  'mssql-db': [tcp(1433)],
  postgres: [tcp(5432)],
  'oracle': [tcp(1521)],
  'ms-ds-smb': [tcp(445)],
  ping: [{ protocol: 'icmp', ports: [] }],
};

/** `destination_port` of a service object: `"22"`, `"80,8080"`, `"8000-8100"`. */
export function parseServicePorts(text: string): PortRange[] | string {
  const parsed = parsePortSpec(text.split(',').map((item) => item.trim()));
  return parsed.ok ? parsed.ranges : parsed.error;
}
