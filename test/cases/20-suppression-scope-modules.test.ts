import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';

const MAIN = `# zoneguard:ignore internet-ingress-dmz-only -- public landing page, ticket WEB-7
module "landing" {
  source = "./modules/port_sg"
  count  = 1
  port   = 8443
}

module "admin" {
  source = "./modules/port_sg"
  port   = 8443
}

module "tenants" {
  source   = "./modules/port_sg"
  for_each = toset(["alpha", "beta"])
  port     = 8443
}
`;
const MODULE = `variable "port" {
  type = number
}

resource "aws_security_group" "this" {
  name   = "port-\${var.port}"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = var.port
    to_port     = var.port
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

describe('case 20: module instances before suppressions', () => {
  it('reports 8443 from the internet for each of the four module instances', async () => {
    const findings = await scanFiles(['internet-ingress-dmz-only'], { 'main.tf': MAIN, 'modules/port_sg/main.tf': MODULE });
    expect(summaryOf(findings)).toEqual([
      'internet-ingress-dmz-only module.admin.aws_security_group.this fail',
      'internet-ingress-dmz-only module.landing[0].aws_security_group.this fail',
      'internet-ingress-dmz-only module.tenants["alpha"].aws_security_group.this fail',
      'internet-ingress-dmz-only module.tenants["beta"].aws_security_group.this fail',
    ]);
    expect(findings.every((finding) => finding.data.services === 'tcp 8443')).toBe(true);
  });
});
