import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';

const MAIN = `variable "tiers" {
  type = map(object({
    zone = string
    port = number
    open = bool
  }))
  default = {
    web = { zone = "dmz", port = 443, open = true }
    db  = { zone = "internal", port = 5432, open = false }
  }
}

variable "enable_jump" {
  type    = bool
  default = false
}

resource "aws_subnet" "app" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.20.0/24"
  tags       = { Zone = "internal" }
}

resource "aws_subnet" "data" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.30.0/24"
  tags       = { Zone = "internal" }
}

resource "aws_security_group" "tier" {
  for_each = var.tiers
  name     = "sg-\${each.key}"
  vpc_id   = "vpc-1"
  tags     = { Zone = each.value.zone }
}

resource "aws_security_group_rule" "tier_in" {
  for_each          = var.tiers
  type              = "ingress"
  security_group_id = aws_security_group.tier[each.key].id
  protocol          = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_blocks       = each.value.open ? ["0.0.0.0/0"] : ["10.0.20.0/24"]
}

resource "aws_db_subnet_group" "data" {
  name       = "data"
  subnet_ids = [aws_subnet.data.id]
}

resource "aws_db_instance" "main" {
  identifier             = "main"
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  db_subnet_group_name   = aws_db_subnet_group.data.name
  vpc_security_group_ids = [aws_security_group.tier["db"].id]
}

resource "aws_instance" "jump" {
  count                  = var.enable_jump ? 1 : 0
  ami                    = "ami-222"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.tier["web"].id]
}
`;
const DB_OPEN = `tiers = {
  web = { zone = "dmz", port = 443, open = true }
  db  = { zone = "internal", port = 5432, open = true }
}
`;
const JUMP = `enable_jump = true
`;
const FILES = { 'main.tf': MAIN, 'db-open.tfvars': DB_OPEN, 'jump.tfvars': JUMP };

describe('case 12: for_each and count instances', () => {
  it('yields no internet ingress finding with the defaults', async () => {
    const findings = await scanFiles(['internet-ingress-dmz-only'], FILES);
    expect(summaryOf(findings)).toEqual([]);
  });

  it('reports the db instance of the rule with db-open.tfvars', async () => {
    const findings = await scanFiles(['internet-ingress-dmz-only'], FILES, ['db-open.tfvars']);
    expect(summaryOf(findings)).toEqual(['internet-ingress-dmz-only aws_security_group_rule.tier_in["db"] fail']);
    expect(findings[0]?.data.services).toBe('tcp 5432');
    expect(findings[0]?.data.targets).toBe('aws_db_instance.main');
  });

  it('yields nothing for the jump host with jump.tfvars', async () => {
    const findings = await scanFiles(FLOW_RULES, FILES, ['jump.tfvars']);
    expect(findings.filter((finding) => finding.message.includes('aws_instance.jump'))).toEqual([]);
  });
});
