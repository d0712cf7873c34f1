import type { PortRange } from '../../types.ts';
import type { ServicePart } from '../ordered-policy.ts';

export type { ServicePart };

const tcp = (...ranges: Array<[number, number]>): ServicePart => ({ protocol: 'tcp', ports: ranges.map(([from, to]) => ({ from, to })) });
const udp = (...ranges: Array<[number, number]>): ServicePart => ({ protocol: 'udp', ports: ranges.map(([from, to]) => ({ from, to })) });
const one = (port: number): [number, number] => [port, port];

/** FortiOS predefined services by name (FortiOS 7.x defaults). */
export const PREDEFINED_SERVICES: Record<string, ServicePart[]> = {
  ALL: [{ protocol: 'all', ports: [{ from: 0, to: 65535 }] }],
  ALL_TCP: [tcp([1, 65535])],
  ALL_UDP: [udp([1, 65535])],
  ALL_ICMP: [{ protocol: 'icmp', ports: [] }],
  ALL_ICMP6: [{ protocol: 'icmpv6', ports: [] }],
  PING: [{ protocol: 'icmp', ports: [] }],
  HTTP: [tcp(one(80))],
  HTTPS: [tcp(one(443))],
  SSH: [tcp(one(22))],
  TELNET: [tcp(one(23))],
  FTP: [tcp(one(21))],
  TFTP: [udp(one(69))],
  RDP: [tcp(one(3389))],
  VNC: [tcp(one(5900))],
  SNMP: [tcp([161, 162]), udp([161, 162])],
  DNS: [tcp(one(53)), udp(one(53))],
  NTP: [tcp(one(123)), udp(one(123))],
  SMTP: [tcp(one(25))],
  SMTPS: [tcp(one(465))],
  POP3: [tcp(one(110))],
  POP3S: [tcp(one(995))],
  IMAP: [tcp(one(143))],
  IMAPS: [tcp(one(993))],
  LDAP: [tcp(one(389))],
  LDAP_UDP: [udp(one(389))],
  KERBEROS: [tcp(one(88)), udp(one(88))],
  SAMBA: [tcp(one(139))],
  SMB: [tcp(one(445))],
  SYSLOG: [udp(one(514))],
  MYSQL: [tcp(one(3306))],
  'MS-SQL': [tcp(one(1433), one(1434))],
  NFS: [tcp(one(111), one(2049)), udp(one(111), one(2049))],
  'WINDOWS-AD': [tcp(one(135), one(139), one(389), one(445), one(3268)), udp(one(137), one(138), one(389))],
};

/**
 * Parses a FortiOS port range list: `"22 80-90"`, where an item may add a
 * source range after a colon (`"80-90:1024-65535"`), which is ignored.
 * Returns an error sentence naming the value when it cannot be read.
 */
export function parsePortRanges(text: string): PortRange[] | string {
  const ranges: PortRange[] = [];
  for (const item of text.trim().split(/\s+/)) {
    if (item === '') continue;
    const destination = item.split(':')[0]!;
    const match = /^(\d+)(?:-(\d+))?$/.exec(destination);
    const from = match === null ? NaN : Number(match[1]);
    const to = match?.[2] === undefined ? from : Number(match[2]);
    if (!(from >= 0 && to <= 65535 && from <= to)) {
      return `Port range "${item}" in "${text}" is invalid: expected port or low-high within 0-65535.`;
    }
    ranges.push({ from, to });
  }
  return ranges;
}
