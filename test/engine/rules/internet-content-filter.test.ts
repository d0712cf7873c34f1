import { ruleTables } from './flow-fixtures/table.ts';
import { BASE_SUBNETS, instance, NAT, network, type SubnetSpec } from './zone-isolation-fixtures/network.ts';

const PROXY_ROUTE = 'instance_id = aws_instance.proxy.id';
const PROXY = instance('proxy', 'egress', { Role: 'proxy' });

function users(route: string): SubnetSpec[] {
  return [...BASE_SUBNETS, { name: 'desks', cidr: '10.0.40.0/24', zone: 'user-wired', route }];
}

const DNS_FIREWALL = `resource "aws_route53_resolver_firewall_rule_group_association" "main" {
  name                   = "block-malware"
  firewall_rule_group_id = "rslvr-frg-1"
  priority               = 101
  vpc_id                 = aws_vpc.main.id
}
`;

const NETWORK_FIREWALL = `resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:ap-southeast-1:1:firewall-policy/edge"
  vpc_id              = aws_vpc.main.id

  subnet_mapping {
    subnet_id = aws_subnet.egress.id
  }
}
`;

ruleTables(
  'internet-content-filter',
  [
    { name: 'users through the proxy', files: { 'net.tf': network(users(PROXY_ROUTE)), 'main.tf': PROXY } },
    { name: 'users through NAT with a DNS firewall', files: { 'net.tf': network(users(NAT)), 'dns.tf': DNS_FIREWALL } },
    { name: 'users through NAT behind a network firewall', files: { 'net.tf': network(users(NAT)), 'fw.tf': NETWORK_FIREWALL } },
    { name: 'dmz to the gateway', files: { 'net.tf': network(BASE_SUBNETS) } },
  ],
  [
    {
      name: 'users through a bare NAT gateway',
      files: { 'net.tf': network(users(NAT)) },
      expected: [{ messageId: 'unfiltered', address: 'aws_route_table.desks', at: 'net.tf:75', data: { route: '0.0.0.0/0 -> aws_nat_gateway.egress.id in aws_route_table.desks', segments: 'aws_subnet.desks (user-wired)' } }],
    },
    {
      name: 'users through an instance that is not a proxy',
      files: { 'net.tf': network(users('instance_id = aws_instance.relay.id')), 'main.tf': instance('relay', 'egress', { Role: 'app' }) },
      expected: [{ messageId: 'unfiltered', address: 'aws_route_table.desks', at: 'net.tf:75' }],
    },
  ],
);
