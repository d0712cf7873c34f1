import { ruleTables } from './flow-fixtures/table.ts';
import { BASE_SUBNETS, instance, NAT, network } from './zone-isolation-fixtures/network.ts';

const GROUP = `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.main.id
}
`;
const GROUPED = '\n  vpc_security_group_ids = [aws_security_group.web.id]';

const DMZ_ACL = `resource "aws_network_acl" "dmz" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = [aws_subnet.dmz.id]

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
}
`;

ruleTables(
  'internet-edge-firewall',
  [
    { name: 'dmz host with a group', files: { 'net.tf': network(BASE_SUBNETS), 'main.tf': GROUP + instance('web', 'dmz', { Name: 'web' }, GROUPED) } },
    { name: 'dmz host without a group behind an ACL', files: { 'net.tf': network(BASE_SUBNETS), 'acl.tf': DMZ_ACL, 'main.tf': instance('web', 'dmz', { Name: 'web' }) } },
    { name: 'internal host without a route', files: { 'net.tf': network(BASE_SUBNETS), 'main.tf': instance('app', 'app', { Name: 'app' }) } },
  ],
  [
    {
      name: 'internal segment routed through NAT',
      files: { 'net.tf': network([...BASE_SUBNETS, { name: 'app2', cidr: '10.0.21.0/24', zone: 'internal', route: NAT }]) },
      expected: [{ messageId: 'undesignated-zone', address: 'aws_route_table.app2', at: 'net.tf:75', data: { segments: 'aws_subnet.app2 (internal)' } }],
    },
    {
      name: 'dmz host without a group or an ACL',
      files: { 'net.tf': network(BASE_SUBNETS), 'main.tf': instance('web', 'dmz', { Name: 'web' }) },
      expected: [{ messageId: 'no-firewall', address: 'aws_instance.web', at: 'main.tf:1', data: { segment: 'aws_subnet.dmz' } }],
    },
    {
      name: 'proxy host behind NAT without a group',
      files: { 'net.tf': network([...BASE_SUBNETS.filter((subnet) => subnet.name !== 'egress'), { name: 'egress', cidr: '10.0.2.0/24', zone: 'internet-access', route: NAT }]), 'main.tf': instance('proxy', 'egress', { Name: 'proxy' }) },
      expected: [{ messageId: 'no-firewall-nat', address: 'aws_instance.proxy', at: 'main.tf:1' }],
    },
  ],
);
