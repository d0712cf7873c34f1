import { describe, expect, it } from 'vitest';
import { groupWithIngress, ingress, ZONED_SUBNETS } from './flow-fixtures/hcl.ts';
import { scanFiles } from './flow-fixtures/pipeline.ts';
import { ruleTables } from './flow-fixtures/table.ts';

const net = { 'net.tf': ZONED_SUBNETS };

function group(protocol: string, from: number, to: number, cidrs: string[]) {
  return { ...net, 'main.tf': groupWithIngress('sg', 'internal', ingress(protocol, from, to, cidrs)) };
}

/** A bastion group resolving to management through its host, and a group the code does not define. */
const GROUP_SOURCES = `resource "aws_subnet" "mgmt" {
  vpc_id     = "vpc-1"
  cidr_block = "10.50.0.0/24"
  tags       = { Zone = "management" }
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-1"
}

resource "aws_instance" "bastion" {
  ami                    = "ami-111"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.mgmt.id
  vpc_security_group_ids = [aws_security_group.bastion.id]
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
  tags   = { Zone = "internal" }

  ingress {
    protocol        = "tcp"
    from_port       = 22
    to_port         = 22
    security_groups = [aws_security_group.bastion.id]
  }

  ingress {
    protocol        = "tcp"
    from_port       = 22
    to_port         = 22
    security_groups = ["sg-0123456789abcdef0"]
  }
}
`;

const USERS_GROUP = `resource "aws_security_group" "desktops" {
  name   = "desktops"
  vpc_id = "vpc-1"
}

resource "aws_instance" "desktop" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.users.id
  vpc_security_group_ids = [aws_security_group.desktops.id]
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
  tags   = { Zone = "internal" }

  ingress {
    protocol        = "tcp"
    from_port       = 3389
    to_port         = 3389
    security_groups = [aws_security_group.desktops.id]
  }
}
`;

ruleTables(
  'management-ports-from-management-zone',
  [
    { name: 'ssh from the management subnet', files: group('tcp', 22, 22, ['10.50.0.0/24']) },
    { name: 'https from the internet', files: group('tcp', 443, 443, ['0.0.0.0/0']) },
    { name: 'icmp from the internet', files: group('icmp', -1, -1, ['0.0.0.0/0']) },
    { name: 'host bits inside management', files: group('tcp', 22, 22, ['10.50.0.10/32', '10.50.0.200/24']) },
  ],
  [
    {
      name: 'ssh from the internet',
      files: group('tcp', 22, 22, ['0.0.0.0/0']),
      expected: [{ messageId: 'exposed', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'ssh tcp 22', source: '0.0.0.0/0' } }],
    },
    {
      name: 'rdp over udp numeric protocol',
      files: group('17', 3389, 3389, ['0.0.0.0/0']),
      expected: [{ messageId: 'exposed', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'rdp udp 3389' } }],
    },
    {
      name: 'wide range lists only management ports',
      files: group('tcp', 20, 3400, ['10.0.20.0/24']),
      expected: [{ messageId: 'exposed', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'ssh tcp 22, telnet tcp 23, rdp tcp 3389, vmware-console tcp 902-903, oracle-em tcp 1158, mssql-dac tcp 1434' } }],
    },
    {
      name: 'ssh from unclassified space',
      files: { 'main.tf': groupWithIngress('sg', 'internal', ingress('tcp', 22, 22, ['10.0.99.0/24'])), 'net.tf': `${ZONED_SUBNETS}
resource "aws_subnet" "misc" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.99.0/24"
}
` },
      expected: [{ messageId: 'exposed', address: 'aws_security_group.sg', at: 'main.tf:10', data: { source: '10.0.99.0/24 (unclassified space)' } }],
    },
    {
      name: 'rdp from the user zone group',
      files: { ...net, 'main.tf': USERS_GROUP },
      expected: [{ messageId: 'exposed', address: 'aws_security_group.app', at: 'main.tf:22', data: { services: 'rdp tcp 3389' } }],
    },
    {
      name: 'bastion group and undefined group',
      files: { 'main.tf': GROUP_SOURCES },
      expected: [{ messageId: 'unverified-group', address: 'aws_security_group.web', status: 'unknown', at: 'main.tf:35', data: { groups: 'group sg-0123456789abcdef0' } }],
    },
  ],
);

describe('management-ports-from-management-zone fix', () => {
  it('suggests the management subnet for 0.0.0.0/0', async () => {
    const findings = await scanFiles(['management-ports-from-management-zone'], group('tcp', 22, 22, ['0.0.0.0/0']));
    expect(findings[0]?.fix?.replacement).toBe('cidr_blocks = ["10.50.0.0/24"]');
    expect(findings[0]?.fix?.location.range?.startLine).toBe(10);
  });

  it('names the default parameter it rests on', async () => {
    const findings = await scanFiles(['management-ports-from-management-zone'], group('tcp', 22, 22, ['0.0.0.0/0']));
    expect(findings[0]?.restsOn).toEqual(['managementPorts']);
  });
});
