import { ruleTables } from './flow-fixtures/table.ts';
import { BASE_SUBNETS, IGW, ingressGroup, NAT, network, type SubnetSpec } from './zone-isolation-fixtures/network.ts';

const WIFI = '10.0.70.0/24';

function wifiInto(zone: string, wifi: Omit<SubnetSpec, 'name' | 'cidr'>) {
  const subnets = [...BASE_SUBNETS, { name: 'wifi', cidr: WIFI, ...wifi }];
  return {
    'net.tf': network(subnets),
    'main.tf': ingressGroup('app', zone, { protocol: 'tcp', from: 443, to: 443, cidrs: [WIFI] }),
  };
}

ruleTables(
  'mobile-devices-isolated',
  [
    { name: 'wireless without internet reaches internal', files: wifiInto('internal', { zone: 'user-wireless' }) },
    { name: 'wireless with internet reaches the dmz', files: wifiInto('dmz', { zone: 'user-wireless', route: NAT }) },
    { name: 'wired users with internet reach internal', files: wifiInto('internal', { zone: 'user-wired', route: NAT }) },
  ],
  [
    {
      name: 'wireless through NAT reaches internal',
      files: wifiInto('internal', { zone: 'user-wireless', route: NAT }),
      expected: [{ messageId: 'mobile-reaches-internal', address: 'aws_security_group.app', at: 'main.tf:10', data: { segments: 'aws_subnet.wifi', routes: '0.0.0.0/0 -> aws_nat_gateway.egress.id in aws_route_table.wifi', traffic: 'tcp 443' } }],
    },
    {
      name: 'guest segment to the gateway reaches internal',
      files: {
        'net.tf': network([...BASE_SUBNETS, { name: 'guest', cidr: WIFI, route: IGW }]),
        'main.tf': ingressGroup('app', 'internal', { protocol: 'tcp', from: 443, to: 443, cidrs: [WIFI] }),
      },
      expected: [{ messageId: 'mobile-reaches-internal', address: 'aws_security_group.app', at: 'main.tf:10', data: { segments: 'aws_subnet.guest' } }],
    },
    {
      name: 'wireless in a network without route tables',
      files: {
        'net.tf': `resource "aws_subnet" "wifi" {
  vpc_id     = "vpc-1"
  cidr_block = "${WIFI}"
  tags       = { Zone = "user-wireless" }
}

resource "aws_subnet" "app" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.20.0/24"
  tags       = { Zone = "internal" }
}
`,
        'main.tf': ingressGroup('app', 'internal', { protocol: 'tcp', from: 443, to: 443, cidrs: [WIFI] }).replace('aws_vpc.main.id', '"vpc-1"'),
      },
      expected: [{ messageId: 'internet-unknown', status: 'unknown', address: 'aws_security_group.app', at: 'main.tf:10', data: { segments: 'aws_subnet.wifi' } }],
    },
  ],
);
