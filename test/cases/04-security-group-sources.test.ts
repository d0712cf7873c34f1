import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';

const MAIN = `resource "aws_subnet" "mgmt" {
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

resource "aws_security_group" "alb" {
  name   = "alb"
  vpc_id = "vpc-1"
  tags   = { Zone = "dmz" }
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
    from_port       = 3389
    to_port         = 3389
    security_groups = [aws_security_group.bastion.id]
    cidr_blocks     = ["0.0.0.0/0"]
  }

  ingress {
    protocol        = "tcp"
    from_port       = 22
    to_port         = 22
    security_groups = ["sg-0123456789abcdef0"] # defined outside this configuration
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb_to_web" {
  security_group_id            = aws_security_group.web.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
}
`;

describe('case 04: security-group sources', () => {
  it('resolves groups to zones and keeps the CIDR next to a group', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    expect(summaryOf(findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group.web fail',
      'management-ports-from-management-zone aws_security_group.web fail',
      'management-ports-from-management-zone aws_security_group.web unknown',
    ]);
  });

  it('locates the CIDR findings in the second block and names 0.0.0.0/0', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    const failures = findings.filter((finding) => finding.status === 'fail');
    for (const finding of failures) {
      expect(finding.location.range?.startLine).toBeGreaterThanOrEqual(37);
      expect(finding.location.range?.startLine).toBeLessThanOrEqual(43);
      expect(finding.data.source).toBe('0.0.0.0/0');
    }
    const management = failures.find((finding) => finding.ruleId === 'management-ports-from-management-zone');
    expect(management?.data.services).toBe('rdp tcp 3389');
  });

  it('gives an unverified note for the undefined group, not the internet', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    const note = findings.find((finding) => finding.status === 'unknown');
    expect(note?.messageId).toBe('unverified-group');
    expect(note?.message).toContain('sg-0123456789abcdef0');
    expect(note?.message).not.toContain('internet');
  });
});
