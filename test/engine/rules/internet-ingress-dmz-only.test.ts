import { describe, expect, it } from 'vitest';
import { scanFiles } from './flow-fixtures/pipeline.ts';
import { groupWithIngress, ingress, ZONED_SUBNETS } from './flow-fixtures/hcl.ts';
import { ruleTables } from './flow-fixtures/table.ts';

const net = { 'net.tf': ZONED_SUBNETS };

/** A group with one ingress block; the block's cidr_blocks line is main.tf:10. */
function group(zone: string, protocol: string, from: number, to: number, cidrs: string[]) {
  return { ...net, 'main.tf': groupWithIngress('sg', zone, ingress(protocol, from, to, cidrs)) };
}

const PRIVATE_INSTANCE = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.20.0/24"
  tags       = { Zone = "internal" }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "app" {
  subnet_id      = aws_subnet.app.id
  route_table_id = aws_route_table.app.id
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    protocol    = "tcp"
    from_port   = 8080
    to_port     = 8080
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "app" {
  ami                         = "ami-1"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.app.id
  vpc_security_group_ids      = [aws_security_group.app.id]
  associate_public_ip_address = PUBLIC
}
`;

const GROUP_AND_CIDR = `resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-1"
  tags   = { Zone = "management" }
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
  tags   = { Zone = "internal" }

  ingress {
    protocol        = "tcp"
    from_port       = 3389
    to_port         = 3389
    security_groups = [aws_security_group.bastion.id]
    cidr_blocks     = ["0.0.0.0/0"]
  }
}
`;

const UNKNOWN_SOURCE = `variable "admin_cidr" {
  type = string
}

resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-1"
  tags   = { Zone = "internal" }

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [var.admin_cidr]
  }
}
`;

ruleTables(
  'internet-ingress-dmz-only',
  [
    { name: 'https into the DMZ', files: group('dmz', 'tcp', 443, 443, ['0.0.0.0/0']) },
    { name: 'http redirect into the DMZ', files: group('dmz', 'tcp', 80, 80, ['0.0.0.0/0', '::/0']) },
    { name: 'internal subnet into internal', files: group('internal', 'tcp', 5432, 5432, ['10.0.20.0/24']) },
    { name: 'management subnet into internal', files: group('internal', 'tcp', 22, 22, ['10.50.0.0/24']) },
    { name: 'host without public address', files: { 'main.tf': PRIVATE_INSTANCE.replace('PUBLIC', 'false') } },
  ],
  [
    {
      name: 'internet into the internal zone',
      files: group('internal', 'tcp', 5432, 5432, ['0.0.0.0/0']),
      expected: [{ messageId: 'reaches-zone', address: 'aws_security_group.sg', at: 'main.tf:10', data: { zones: 'internal', services: 'tcp 5432', source: '0.0.0.0/0' } }],
    },
    {
      name: 'ipv6 internet into internal',
      files: group('internal', 'tcp', 443, 443, ['::/0']),
      expected: [{ messageId: 'reaches-zone', address: 'aws_security_group.sg', at: 'main.tf:10', data: { source: '::/0' } }],
    },
    {
      name: 'narrow outside range into internal',
      files: group('internal', 'tcp', 443, 443, ['203.0.113.128/25']),
      expected: [{ messageId: 'reaches-zone', address: 'aws_security_group.sg', at: 'main.tf:10', data: { source: '203.0.113.128/25' } }],
    },
    {
      name: 'ssh into the DMZ',
      files: group('dmz', 'tcp', 22, 22, ['0.0.0.0/0']),
      expected: [{ messageId: 'reaches-unpublished', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'tcp 22' } }],
    },
    {
      name: 'published and other ports into the DMZ',
      files: group('dmz', 'tcp', 80, 8443, ['0.0.0.0/0']),
      expected: [{ messageId: 'reaches-unpublished', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'tcp 81-442, 444-8443' } }],
    },
    {
      name: 'icmp into the DMZ',
      files: group('dmz', 'icmp', -1, -1, ['0.0.0.0/0']),
      expected: [{ messageId: 'reaches-unpublished', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'icmp' } }],
    },
    {
      name: 'gre into the DMZ',
      files: group('dmz', '47', 0, 0, ['0.0.0.0/0']),
      expected: [{ messageId: 'reaches-unpublished', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'protocol 47' } }],
    },
    {
      name: 'group and cidr in one block',
      files: { 'main.tf': GROUP_AND_CIDR },
      expected: [{ messageId: 'reaches-zone', address: 'aws_security_group.web', at: 'main.tf:17', data: { source: '0.0.0.0/0' } }],
    },
    {
      name: 'host with public address and route',
      files: { 'main.tf': PRIVATE_INSTANCE.replace('PUBLIC', 'true') },
      expected: [{ messageId: 'reaches-zone', address: 'aws_security_group.app', at: 'main.tf:36', data: { targets: 'aws_instance.app' } }],
    },
    {
      name: 'unknown source',
      files: { 'main.tf': UNKNOWN_SOURCE },
      expected: [{ messageId: 'not-evaluated', address: 'aws_security_group.admin', status: 'unknown', at: 'main.tf:14', data: { part: 'source' } }],
    },
  ],
);

/** A network ACL on the app subnet that denies ssh before it allows everything. */
const ACL_DENIES_SSH = `resource "aws_subnet" "app" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.20.0/24"
  tags       = { Zone = "internal" }
}

resource "aws_network_acl" "app" {
  vpc_id     = "vpc-1"
  subnet_ids = [aws_subnet.app.id]

  ingress {
    rule_no    = 100
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 200
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = PORTS
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.app.id]
}
`;

describe('internet-ingress-dmz-only through a network ACL', () => {
  it('drops ports the ACL denies first', async () => {
    const files = { 'main.tf': ACL_DENIES_SSH.replace('PORTS', '22\n    to_port     = 22') };
    const findings = await scanFiles(['internet-ingress-dmz-only'], files);
    expect(findings).toEqual([]);
  });

  it('keeps the ports the ACL does not deny', async () => {
    const files = { 'main.tf': ACL_DENIES_SSH.replace('PORTS', '20\n    to_port     = 25') };
    const findings = await scanFiles(['internet-ingress-dmz-only'], files);
    expect(findings.map((finding) => finding.data.services)).toEqual(['tcp 20-21, 23-25']);
  });
});
