import { groupWithIngress, ingress, ZONED_SUBNETS } from './flow-fixtures/hcl.ts';
import { ruleTables } from './flow-fixtures/table.ts';

const net = { 'net.tf': ZONED_SUBNETS };

function group(zone: string, protocol: string, from: number, to: number, cidrs: string[]) {
  return { ...net, 'main.tf': groupWithIngress('sg', zone, ingress(protocol, from, to, cidrs)) };
}

ruleTables(
  'service-insecure-protocol',
  [
    { name: 'ssh from the internet', files: group('internal', 'tcp', 22, 22, ['0.0.0.0/0']) },
    { name: 'telnet inside its own zone', files: group('internal', 'tcp', 23, 23, ['10.0.20.0/24']) },
    { name: 'ldaps from another zone', files: group('internal', 'tcp', 636, 636, ['10.0.1.0/24']) },
    { name: 'icmp from the internet', files: group('dmz', 'icmp', -1, -1, ['0.0.0.0/0']) },
  ],
  [
    {
      name: 'ftp from the internet',
      files: group('dmz', 'tcp', 21, 21, ['0.0.0.0/0']),
      expected: [{ messageId: 'exposed', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'ftp tcp 21', source: '0.0.0.0/0' } }],
    },
    {
      name: 'all protocols list every service',
      files: group('internal', '-1', 0, 0, ['0.0.0.0/0']),
      expected: [{
        messageId: 'exposed',
        address: 'aws_security_group.sg',
        at: 'main.tf:10',
        data: { services: 'ftp tcp 20-21, telnet tcp 23, tftp udp 69, rsh/rlogin/rexec tcp 512-514, snmp udp 161-162, ldap tcp 389' },
      }],
    },
    {
      name: 'telnet from the DMZ into internal',
      files: group('internal', 'tcp', 23, 23, ['10.0.1.0/24']),
      expected: [{ messageId: 'exposed', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'telnet tcp 23', source: '10.0.1.0/24 (dmz zone)' } }],
    },
    {
      name: 'snmp over udp from users',
      files: group('internal', 'udp', 161, 161, ['10.0.40.0/24']),
      expected: [{ messageId: 'exposed', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'snmp udp 161' } }],
    },
  ],
);
