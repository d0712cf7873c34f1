import { describe, expect, it } from 'vitest';
import { groupWithIngress, ingress, ZONED_SUBNETS } from './flow-fixtures/hcl.ts';
import { scanFiles } from './flow-fixtures/pipeline.ts';
import { ruleTables } from './flow-fixtures/table.ts';

const USERS = '10.0.40.0/24';

function group(zone: string, protocol: string, from: number, to: number, cidrs: string[]) {
  return { 'net.tf': ZONED_SUBNETS, 'main.tf': groupWithIngress('sg', zone, ingress(protocol, from, to, cidrs)) };
}

/** A management host whose group admits https from the desktops' group. */
const DESKTOPS_TO_MANAGEMENT = `resource "aws_security_group" "desktops" {
  name   = "desktops"
  vpc_id = "vpc-1"
}

resource "aws_instance" "desktop" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.users.id
  vpc_security_group_ids = [aws_security_group.desktops.id]
}

resource "aws_security_group" "console" {
  name   = "console"
  vpc_id = "vpc-1"

  ingress {
    protocol        = "tcp"
    from_port       = 443
    to_port         = 443
    security_groups = [aws_security_group.desktops.id]
  }
}

resource "aws_instance" "console" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.mgmt.id
  vpc_security_group_ids = [aws_security_group.console.id]
}
`;

ruleTables(
  'user-zone-no-management',
  [
    { name: 'https from users to an internal group', files: group('internal', 'tcp', 443, 443, [USERS]) },
    { name: 'ssh from the management zone', files: group('internal', 'tcp', 22, 22, ['10.50.0.0/24']) },
    { name: 'ssh from the dmz', files: group('internal', 'tcp', 22, 22, ['10.0.1.0/24']) },
  ],
  [
    {
      name: 'ssh from the user zone',
      files: group('internal', 'tcp', 22, 22, [USERS]),
      expected: [{ messageId: 'management-port', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'ssh tcp 22', source: '10.0.40.0/24 (user-wired zone)', zones: 'internal' } }],
    },
    {
      name: 'rdp from a range that holds the user zone',
      files: group('dmz', 'tcp', 3389, 3389, ['10.0.0.0/16']),
      expected: [{ messageId: 'management-port', address: 'aws_security_group.sg', at: 'main.tf:10', data: { services: 'rdp tcp 3389' } }],
    },
    {
      name: 'ssh from a variable without a value',
      files: { 'net.tf': ZONED_SUBNETS, 'vars.tf': 'variable "admin_cidr" {\n  type = string\n}\n', 'main.tf': groupWithIngress('sg', 'internal', ingress('tcp', 22, 22, ['${var.admin_cidr}'])) },
      expected: [{ messageId: 'not-evaluated', status: 'unknown', address: 'aws_security_group.sg', at: 'main.tf:10', data: { part: 'source' } }],
    },
    {
      name: 'https from the desktops group into the management zone',
      files: { 'net.tf': ZONED_SUBNETS, 'main.tf': DESKTOPS_TO_MANAGEMENT },
      expected: [{ messageId: 'management-zone', address: 'aws_security_group.console', at: 'main.tf:21', data: { traffic: 'tcp 443', targets: 'aws_instance.console' } }],
    },
  ],
);

describe('user-zone-no-management parameters', () => {
  it('says the port finding rests on the default port list', async () => {
    const findings = await scanFiles(['user-zone-no-management'], group('internal', 'tcp', 22, 22, [USERS]));
    expect(findings[0]?.restsOn).toEqual(['managementPorts']);
  });
});
