import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';
import { outcomeOf, scanFiles as scanWithSuppressions } from '../engine/suppressions/scan-files.ts';

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

describe('module instances before suppressions', () => {
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

const RULE = { ruleIds: ['internet-ingress-dmz-only'] };

describe('suppression scope with module calls', () => {
  it('covers every instance of the call it sits above, and no other call', async () => {
    const result = await scanWithSuppressions({ 'main.tf': MAIN, 'modules/port_sg/main.tf': MODULE }, RULE);
    expect(outcomeOf(result.findings)).toEqual([
      'internet-ingress-dmz-only module.admin.aws_security_group.this',
      'internet-ingress-dmz-only module.landing[0].aws_security_group.this suppressed(inline)',
      'internet-ingress-dmz-only module.tenants["alpha"].aws_security_group.this',
      'internet-ingress-dmz-only module.tenants["beta"].aws_security_group.this',
    ]);
    expect(result.findings.filter((f) => !f.suppression)).toHaveLength(3);
    expect(result.findings.filter((f) => f.suppression)).toHaveLength(1);
  });

  it('selects one for_each instance with [key=beta]', async () => {
    const main = MAIN.replace('module "tenants"', '# zoneguard:ignore[key=beta] internet-ingress-dmz-only -- beta tenant portal, ticket WEB-9\nmodule "tenants"');
    const result = await scanWithSuppressions({ 'main.tf': main, 'modules/port_sg/main.tf': MODULE }, RULE);
    const suppressed = result.findings.filter((f) => f.suppression).map((f) => f.address).sort();
    expect(suppressed).toEqual([
      'module.landing[0].aws_security_group.this',
      'module.tenants["beta"].aws_security_group.this',
    ]);
  });

  it('selects one count instance with [index=0]', async () => {
    const main = MAIN.replace('# zoneguard:ignore internet', '# zoneguard:ignore[index=1] internet');
    const result = await scanWithSuppressions({ 'main.tf': main, 'modules/port_sg/main.tf': MODULE }, RULE);
    expect(result.findings.filter((f) => f.suppression)).toHaveLength(0);
    expect(result.diagnostics.some((d) => d.code === 'suppression-unused' && d.location?.range?.startLine === 1)).toBe(true);
  });

  it('warns about a selector it does not recognise and suppresses nothing', async () => {
    const main = MAIN.replace('# zoneguard:ignore internet', '# zoneguard:ignore[tenant=beta] internet');
    const result = await scanWithSuppressions({ 'main.tf': main, 'modules/port_sg/main.tf': MODULE }, RULE);
    expect(result.findings.filter((f) => f.suppression)).toHaveLength(0);
    const warning = result.diagnostics.find((d) => d.code === 'suppression-invalid');
    expect(warning?.severity).toBe('warning');
    expect(warning?.location?.range?.startLine).toBe(1);
    expect(warning?.message).toContain('[tenant=beta]');
  });

  it('covers resources of nested modules under the call, for each instance', async () => {
    const files = {
      'main.tf': '# zoneguard:ignore internet-ingress-dmz-only -- shared edge, ticket WEB-11\nmodule "edge" {\n  source = "./modules/edge"\n  for_each = toset(["a", "b"])\n}\nmodule "other" {\n  source = "./modules/edge"\n}\n',
      'modules/edge/main.tf': 'module "inner" {\n  source = "../port_sg"\n  port   = 8443\n}\n',
      'modules/port_sg/main.tf': MODULE,
    };
    const result = await scanWithSuppressions(files, RULE);
    expect(outcomeOf(result.findings)).toEqual([
      'internet-ingress-dmz-only module.edge["a"].module.inner.aws_security_group.this suppressed(inline)',
      'internet-ingress-dmz-only module.edge["b"].module.inner.aws_security_group.this suppressed(inline)',
      'internet-ingress-dmz-only module.other.module.inner.aws_security_group.this',
    ]);
  });
});
