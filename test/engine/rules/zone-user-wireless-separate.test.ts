import { ruleTables } from './flow-fixtures/table.ts';
import { BASE_SUBNETS, instance, network } from './zone-isolation-fixtures/network.ts';

const WIRED = { name: 'desks', cidr: '10.0.40.0/24', zone: 'user-wired' };
const WIRELESS = { name: 'wifi', cidr: '10.0.70.0/24', zone: 'user-wireless' };

const WIFI_ACL = `resource "aws_network_acl" "wifi" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = [aws_subnet.wifi.id]

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "10.0.2.0/24"
    from_port  = 443
    to_port    = 443
  }
}
`;

const WIFI_HOST_GROUP = `resource "aws_security_group" "kiosk" {
  name   = "kiosk"
  vpc_id = aws_vpc.main.id
}

${instance('kiosk', 'wifi', { Name: 'kiosk' }, '\n  vpc_security_group_ids = [aws_security_group.kiosk.id]')}`;

ruleTables(
  'zone-user-wireless-separate',
  [
    { name: 'wired users only', files: { 'net.tf': network([...BASE_SUBNETS, WIRED]) } },
    { name: 'wireless segment with an ACL', files: { 'net.tf': network([...BASE_SUBNETS, WIRED, WIRELESS]), 'acl.tf': WIFI_ACL } },
    { name: 'wireless host carries a group', files: { 'net.tf': network([...BASE_SUBNETS, WIRED, WIRELESS]), 'main.tf': WIFI_HOST_GROUP } },
  ],
  [
    {
      name: 'wireless segment without firewall control',
      files: { 'net.tf': network([...BASE_SUBNETS, WIRED, WIRELESS]) },
      expected: [{ messageId: 'no-control', address: 'aws_vpc.main', at: 'net.tf:1', data: { segments: 'aws_subnet.wifi' } }],
    },
    {
      name: 'segment tagged wired and named wifi',
      files: {
        'net.tf': network(BASE_SUBNETS),
        'users.tf': `resource "aws_subnet" "office" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.40.0/24"
  tags       = { Zone = "user-wired", Name = "office-wifi" }
}
`,
      },
      expected: [{ messageId: 'both-user-zones', address: 'aws_subnet.office', at: 'users.tf:4' }],
    },
  ],
);
