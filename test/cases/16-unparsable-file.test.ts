import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';

const GOOD = `variable "admin_cidr" {
  type    = string
  default = "10.50.0.0/24"
}

resource "aws_subnet" "mgmt" {
  vpc_id     = "vpc-1"
  cidr_block = "10.50.0.0/24"
  tags       = { Zone = "management" }
}

resource "aws_security_group" "rdp" {
  name   = "rdp"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [var.admin_cidr]
  }
}
`;
const BROKEN = `resource "aws_security_group" "half" {
  name = "half"
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"
  }
}
`;
const BROKEN_VARS = `admin_cidr =
`;

describe('case 16: one unparsable file', () => {
  it('reports the rdp group of good.tf', async () => {
    const findings = await scanFiles(
      ['internet-ingress-dmz-only', 'management-ports-from-management-zone'],
      { 'good.tf': GOOD, 'broken.tf': BROKEN, 'broken.auto.tfvars': BROKEN_VARS },
    );
    const rdp = findings.filter((finding) => finding.address === 'aws_security_group.rdp');
    const byBlock = rdp.map((finding) => `${finding.ruleId} ${finding.status} ${finding.location.range?.startLine}`).sort();
    expect(byBlock).toEqual([
      'internet-ingress-dmz-only fail 20',
      'internet-ingress-dmz-only unknown 27',
      'management-ports-from-management-zone fail 20',
      'management-ports-from-management-zone unknown 27',
    ]);
    const management = rdp.find((finding) => finding.ruleId === 'management-ports-from-management-zone' && finding.status === 'fail');
    expect(management?.data.services).toBe('rdp tcp 3389');
  });
});
