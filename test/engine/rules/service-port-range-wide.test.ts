import { describe, expect, it } from 'vitest';
import { scanFiles } from './flow-fixtures/pipeline.ts';
import { groupWithIngress, ingress, ZONED_SUBNETS } from './flow-fixtures/hcl.ts';
import { ruleTables } from './flow-fixtures/table.ts';

const net = { 'net.tf': ZONED_SUBNETS };

function group(zone: string, protocol: string, from: number, to: number, cidrs: string[]) {
  return { ...net, 'main.tf': groupWithIngress('sg', zone, ingress(protocol, from, to, cidrs)) };
}

ruleTables(
  'service-port-range-wide',
  [
    { name: 'exactly 100 ports', files: group('internal', 'tcp', 8000, 8099, ['0.0.0.0/0']) },
    { name: 'wide range inside the same zone', files: group('internal', 'tcp', 0, 65535, ['10.0.20.0/24']) },
    { name: 'icmp from the internet', files: group('dmz', 'icmp', -1, -1, ['0.0.0.0/0']) },
  ],
  [
    {
      name: '101 ports from another zone',
      files: group('internal', 'tcp', 8000, 8100, ['10.0.1.0/24']),
      expected: [{ messageId: 'wide-range', address: 'aws_security_group.sg', at: 'main.tf:10', data: { ports: 'tcp 8000-8100', count: 101 } }],
    },
    {
      name: 'all protocols from the internet',
      files: group('internal', '-1', 0, 0, ['0.0.0.0/0']),
      expected: [{ messageId: 'all-protocols', address: 'aws_security_group.sg', at: 'main.tf:10', data: { ports: 'all protocols and ports' } }],
    },
    {
      name: 'all tcp ports with -1 ends',
      files: group('dmz', 'tcp', -1, -1, ['0.0.0.0/0']),
      expected: [{ messageId: 'wide-range', address: 'aws_security_group.sg', at: 'main.tf:10', data: { ports: 'tcp all ports', count: 65536 } }],
    },
  ],
);

const DATABASE_ALL = `resource "aws_security_group" "db" {
  name   = "db-sg"
  vpc_id = "vpc-1"
  tags   = { Zone = "internal" }

  ingress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "orders" {
  identifier             = "orders"
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  vpc_security_group_ids = [aws_security_group.db.id]
}
`;

describe('service-port-range-wide fix', () => {
  it('suggests tcp for a host with one service', async () => {
    const findings = await scanFiles(['service-port-range-wide'], { 'main.tf': DATABASE_ALL });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.fix?.replacement).toBe('protocol = "tcp"');
    expect(findings[0]?.fix?.location.range?.startLine).toBe(7);
  });
});
