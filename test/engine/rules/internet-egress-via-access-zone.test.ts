import { ruleTables } from './flow-fixtures/table.ts';

/** Writes a VPC whose `zone` subnet routes 0.0.0.0/0 to `target`. */
function routed(zone: string, target: string): Record<string, string> {
  return {
    'main.tf': `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.20.0/24"
  tags       = { Zone = "${zone}" }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_nat_gateway" "egress" {
  subnet_id = aws_subnet.app.id
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    ${target}
  }
}

resource "aws_route_table_association" "app" {
  subnet_id      = aws_subnet.app.id
  route_table_id = aws_route_table.app.id
}
`,
  };
}

/** Writes a DMZ web host whose group allows egress `protocol`/`from`-`to` to the internet. */
function dmzEgress(protocol: string, from: number, to: number): Record<string, string> {
  return {
    'main.tf': `resource "aws_subnet" "dmz" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
  tags       = { Zone = "dmz" }
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"

  egress {
    protocol    = "${protocol}"
    from_port   = ${from}
    to_port     = ${to}
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.dmz.id
  vpc_security_group_ids = [aws_security_group.web.id]
}
`,
  };
}

const IGW = 'gateway_id = aws_internet_gateway.main.id';
const NAT = 'nat_gateway_id = aws_nat_gateway.egress.id';

ruleTables(
  'internet-egress-via-access-zone',
  [
    { name: 'internal subnet through NAT', files: routed('internal', NAT) },
    { name: 'DMZ subnet to the gateway', files: routed('dmz', IGW) },
    { name: 'internet-access subnet to the gateway', files: routed('internet-access', IGW) },
    { name: 'DMZ egress for updates', files: dmzEgress('tcp', 443, 443) },
    { name: 'DMZ egress for DNS', files: dmzEgress('udp', 53, 53) },
  ],
  [
    {
      name: 'internal subnet to the gateway',
      files: routed('internal', IGW),
      expected: [{ messageId: 'direct-route', address: 'aws_route_table.app', at: 'main.tf:21', data: { destination: '0.0.0.0/0', segments: 'aws_subnet.app (internal)' } }],
    },
    {
      name: 'management subnet to the gateway',
      files: routed('management', IGW),
      expected: [{ messageId: 'direct-route', address: 'aws_route_table.app', at: 'main.tf:21' }],
    },
    {
      name: 'DMZ egress on every port',
      files: dmzEgress('-1', 0, 0),
      expected: [{ messageId: 'dmz-egress-wide', address: 'aws_security_group.web', at: 'main.tf:15', data: { group: 'aws_security_group.web' } }],
    },
    {
      name: 'DMZ egress to ssh',
      files: dmzEgress('tcp', 22, 22),
      expected: [{ messageId: 'dmz-egress-wide', address: 'aws_security_group.web', at: 'main.tf:15', data: { services: 'tcp 22' } }],
    },
  ],
);
