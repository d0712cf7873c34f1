import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';

const MAIN = `# zoneguard:ignore management-ports-from-management-zone -- break-glass bastion, ticket OPS-12
# zoneguard:ignore internet-ingress-dmz-only -- break-glass bastion, ticket OPS-12
resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "ftp" {
  name   = "ftp"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 21
    to_port     = 21
    cidr_blocks = ["0.0.0.0/0"] # zoneguard:ignore SERVICE-INSECURE-PROTOCOL -- supplier uploads, ticket OPS-31
  }
}

resource "aws_security_group" "wrong_id" {
  name   = "wrong-id"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"] # zoneguard:ignore service-insecure-protocol -- legacy access, ticket OPS-40
  }
}

resource "aws_instance" "file_server" {
  ami           = "ami-444"
  instance_type = "m5.large"
  # zoneguard:ignore storage-raid -- data disk mirrored by the operating system
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 500
  }
}
`;

describe('case 19: flow findings before suppressions', () => {
  it('reports each group with the rules the case names', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    const fromGroups = findings.filter((finding) => finding.address.startsWith('aws_security_group.'));
    expect(summaryOf(fromGroups)).toEqual([
      'internet-ingress-dmz-only aws_security_group.bastion fail',
      'internet-ingress-dmz-only aws_security_group.ftp fail',
      'internet-ingress-dmz-only aws_security_group.wrong_id fail',
      'management-ports-from-management-zone aws_security_group.bastion fail',
      'management-ports-from-management-zone aws_security_group.wrong_id fail',
      'service-insecure-protocol aws_security_group.ftp fail',
    ]);
  });

  it('points the ftp finding at the cidr_blocks line', async () => {
    const findings = await scanFiles(['service-insecure-protocol'], { 'main.tf': MAIN });
    expect(findings[0]?.location.range?.startLine).toBe(23);
    expect(findings[0]?.data.services).toBe('ftp tcp 21');
  });
});
