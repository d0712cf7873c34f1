import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.ts';
import type { Finding } from '../../src/engine/types.ts';

/**
 * Variable values follow Terraform's precedence (default, terraform.tfvars,
 * terraform.tfvars.json, *.auto.tfvars, then options), and the functions that
 * combine them are evaluated, so the rules judge the value Terraform would use.
 */
const FILES: Record<string, string> = {
  'variables.tf': `variable "admin_cidr" {
  type    = string
  default = "10.50.0.0/24"
}

variable "extra" {
  type    = map(string)
  default = {}
}

variable "no_default" {
  type = string
}
`,
  'terraform.tfvars': 'admin_cidr = "172.16.0.0/12"\n',
  'terraform.tfvars.json': '{ "admin_cidr": "0.0.0.0/0" }\n',
  'a.auto.tfvars': 'extra = { rdp = "0.0.0.0/0" }\n',
  'main.tf': `resource "aws_subnet" "mgmt" {
  vpc_id     = "vpc-1"
  cidr_block = "10.50.0.0/24"
  tags       = { Zone = "management" }
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
  tags   = { Zone = "internal" }
}

locals {
  defaults = {
    ssh = var.admin_cidr
    rdp = "10.50.0.0/24"
  }
  sources = merge(local.defaults, var.extra)
  hosts   = [for h in ["10.50.0.10", "10.50.0.11"] : "\${h}/32"]
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = [local.sources["ssh"]]
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = [lookup(local.sources, "rdp", "10.50.0.0/24")]
}

resource "aws_security_group_rule" "winrm" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 5986
  to_port           = 5986
  cidr_blocks       = local.hosts
}

resource "aws_security_group_rule" "mystery" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = [var.no_default]
}
`,
};

const SUB_CASE: Record<string, string> = {
  'main.tf': `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
  tags   = { Zone = "internal" }
}

module "legacy_admin" {
  source            = "./modules/admin_rule"
  security_group_id = aws_security_group.app.id
}
`,
  'modules/admin_rule/variables.tf': `variable "security_group_id" {
  type = string
}

variable "source_cidr" {
  type    = string
  default = "0.0.0.0/0"
}
`,
  'modules/admin_rule/main.tf': `resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = var.security_group_id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = [var.source_cidr]
}
`,
};

const RULES = ['internet-ingress-dmz-only', 'management-ports-from-management-zone'];

function writeFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zoneguard-case-11-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function failures(findings: Finding[], address: string): string[] {
  return findings
    .filter((finding) => finding.address === address && finding.status === 'fail')
    .map((finding) => finding.ruleId)
    .sort();
}

describe('variable precedence', () => {
  it('judges each rule on the value Terraform would use', async () => {
    const result = await scan([writeFolder(FILES)], { ruleIds: RULES });
    expect(failures(result.findings, 'aws_security_group_rule.ssh')).toEqual(RULES);
    expect(failures(result.findings, 'aws_security_group_rule.rdp')).toEqual(RULES);
    expect(failures(result.findings, 'aws_security_group_rule.winrm')).toEqual([]);
    expect(result.findings.find((f) => f.address === 'aws_security_group_rule.ssh')?.message).toContain('0.0.0.0/0');
  });

  it('neither passes nor fails a rule whose variable has no value', async () => {
    const result = await scan([writeFolder(FILES)], { ruleIds: RULES });
    const mystery = result.findings.filter((f) => f.address === 'aws_security_group_rule.mystery');
    expect(mystery.map((f) => f.status)).not.toContain('fail');
    expect(result.unresolvedVariables).toEqual([
      { variable: 'var.no_default', usedBy: ['aws_security_group_rule.mystery'] },
    ]);
  });

  it('evaluates a module rule with the module default', async () => {
    const result = await scan([writeFolder(SUB_CASE)], { ruleIds: RULES });
    expect(failures(result.findings, 'module.legacy_admin.aws_security_group_rule.ssh')).toEqual(RULES);
  });
});
