import { ruleTables } from './flow-fixtures/table.ts';
import { BASE_SUBNETS, ingressGroup, network, VPN } from './zone-isolation-fixtures/network.ts';

const WAN = '172.16.0.0/12';

/** A WAN edge subnet that routes 0.0.0.0/0 to the VPN gateway, plus one more route table for the WAN range. */
function wanNetwork(extraRoute = ''): string {
  return `${network([...BASE_SUBNETS, { name: 'edge', cidr: '10.0.90.0/24', zone: 'dmz' }])}
resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "${WAN}"
    ${VPN}
  }${extraRoute}
}

resource "aws_route_table_association" "edge" {
  subnet_id      = aws_subnet.edge.id
  route_table_id = aws_route_table.edge.id
}
`;
}

function admit(zone: string, cidrs: string[]) {
  return { 'net.tf': wanNetwork(), 'main.tf': ingressGroup('app', zone, { protocol: 'tcp', from: 443, to: 443, cidrs }) };
}

ruleTables(
  'wan-ingress-controlled',
  [
    { name: 'WAN admitted into the dmz', files: admit('dmz', [WAN]) },
    { name: 'unrouted private range into internal', files: admit('internal', ['192.168.0.0/16']) },
    { name: 'internal subnet routed to the internet through NAT', files: { 'net.tf': network([...BASE_SUBNETS, { name: 'app2', cidr: '10.0.21.0/24', zone: 'internal', route: 'nat_gateway_id = aws_nat_gateway.egress.id' }]) } },
  ],
  [
    {
      name: 'WAN range admitted into internal',
      files: admit('internal', ['172.16.5.0/24']),
      expected: [{ messageId: 'wan-reaches-protected', address: 'aws_security_group.app', at: 'main.tf:10', data: { zones: 'internal', routes: '172.16.0.0/12 -> aws_vpn_gateway.wan.id in aws_route_table.edge', source: '172.16.5.0/24' } }],
    },
    {
      name: 'WAN range admitted into management',
      files: admit('management', [WAN, '10.50.0.0/24']),
      expected: [{ messageId: 'wan-reaches-protected', address: 'aws_security_group.app', at: 'main.tf:10', data: { zones: 'management' } }],
    },
    {
      name: 'management subnet routed to the VPN gateway',
      files: { 'net.tf': network([...BASE_SUBNETS, { name: 'mgmt2', cidr: '10.50.1.0/24', zone: 'management', route: VPN }]) },
      expected: [{ messageId: 'direct-route', address: 'aws_route_table.mgmt2', at: 'net.tf:75', data: { destination: '0.0.0.0/0', segments: 'aws_subnet.mgmt2 (management)' } }],
    },
  ],
);
