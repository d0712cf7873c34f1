import { groupWithIngress, ingress, ZONED_SUBNETS } from './flow-fixtures/hcl.ts';
import { ruleTables } from './flow-fixtures/table.ts';

const net = { 'net.tf': ZONED_SUBNETS };

function group(zone: string, protocol: string, from: number, to: number, cidrs: string[]) {
  return { ...net, 'main.tf': groupWithIngress('sg', zone, ingress(protocol, from, to, cidrs)) };
}

ruleTables(
  'service-port-range-wide',
  [
    { name: 'exactly 100 ports', files: group('internal', 'tcp', 8000, 8099, ['0.0.0.0/0']) },
    { name: 'wide range inside the same zone', files: group('internal', 'tcp', 0, 65535, ['10.0.20.0/24']) },
    { name: 'icmp from the internet', files: group('dmz', 'icmp', -1, -1, ['0.0.0.0/0']) },
  ],
  [
    {
      name: '101 ports from another zone',
      files: group('internal', 'tcp', 8000, 8100, ['10.0.1.0/24']),
      expected: [{ messageId: 'wide-range', address: 'aws_security_group.sg', at: 'main.tf:10', data: { ports: 'tcp 8000-8100', count: 101 } }],
    },
    {
      name: 'all protocols from the internet',
      files: group('internal', '-1', 0, 0, ['0.0.0.0/0']),
      expected: [{ messageId: 'all-protocols', address: 'aws_security_group.sg', at: 'main.tf:10', data: { ports: 'all protocols and ports' } }],
    },
    {
      name: 'all tcp ports with -1 ends',
      files: group('dmz', 'tcp', -1, -1, ['0.0.0.0/0']),
      expected: [{ messageId: 'wide-range', address: 'aws_security_group.sg', at: 'main.tf:10', data: { ports: 'tcp all ports', count: 65536 } }],
    },
  ],
);
