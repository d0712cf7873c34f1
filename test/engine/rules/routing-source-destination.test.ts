import { ruleTables } from './portal-fixtures/table.ts';

const forwarder = (tags: string) => `resource "aws_instance" "box" {
  ami               = "ami-1"
  instance_type     = "t3.micro"
  subnet_id         = "subnet-1"
  source_dest_check = false
  tags              = ${tags}
}
`;

const ROUTE_TO_INSTANCE = `resource "aws_route_table" "private" {
  vpc_id = "vpc-1"

  route {
    cidr_block  = "0.0.0.0/0"
    instance_id = aws_instance.box.id
  }
}

resource "aws_route" "partner" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "172.16.0.0/16"
  network_interface_id   = "eni-0abc"
}
`;

ruleTables(
  'routing-source-destination',
  [
    { name: 'declared NAT instance', files: { 'main.tf': forwarder('{ Role = "nat" }') } },
    { name: 'declared firewall appliance', files: { 'main.tf': forwarder('{ Role = "firewall" }') } },
    {
      name: 'route through a declared firewall',
      files: {
        'main.tf': forwarder('{ Role = "firewall" }'),
        'routes.tf': ROUTE_TO_INSTANCE.replace(/resource "aws_route" "partner"[^]*$/, ''),
      },
    },
  ],
  [
    {
      name: 'source_dest_check off on a plain host',
      files: { 'main.tf': forwarder('{ Role = "app" }') },
      expected: [{ messageId: 'check-disabled', address: 'aws_instance.box', at: 'main.tf:5' }],
    },
    {
      name: 'routes to a plain instance and an unknown interface',
      files: { 'main.tf': forwarder('{ Role = "app" }'), 'routes.tf': ROUTE_TO_INSTANCE },
      expected: [
        { messageId: 'check-disabled', address: 'aws_instance.box', at: 'main.tf:5' },
        {
          messageId: 'route-to-host',
          address: 'aws_route_table.private',
          at: 'routes.tf:4',
          data: { destination: '0.0.0.0/0', target: 'aws_instance.box' },
        },
        {
          messageId: 'route-to-undeclared-target',
          address: 'aws_route.partner',
          status: 'unknown',
          at: 'routes.tf:10',
          data: { destination: '172.16.0.0/16', target: 'eni-0abc' },
        },
      ],
    },
  ],
);
