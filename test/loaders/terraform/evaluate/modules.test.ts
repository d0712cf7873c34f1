import { describe, expect, it } from 'vitest';
import { isUnknown, Unknown } from '../../../../src/model/unknown.ts';
import { attribute, blocks, loadFiles, resource } from './helpers.ts';

const PORT_SG = `
variable "port" {
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

output "name" {
  value = aws_security_group.this.name
}
`;

describe('module calls', () => {
  it('expands count and for_each module calls', async () => {
    const result = await loadFiles({
      'main.tf': `
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

resource "x_y" "names" {
  landing = module.landing[0].name
  alpha   = module.tenants["alpha"].name
  admin   = module.admin.name
}
`,
      'modules/port_sg/main.tf': PORT_SG,
    });
    const groups = result.resources.filter((r) => r.type === 'aws_security_group');
    expect(groups.map((r) => r.address)).toEqual([
      'module.landing[0].aws_security_group.this',
      'module.admin.aws_security_group.this',
      'module.tenants["alpha"].aws_security_group.this',
      'module.tenants["beta"].aws_security_group.this',
    ]);
    expect(groups.map((r) => r.moduleCalls)).toEqual([
      ['module.landing[0]'],
      ['module.admin'],
      ['module.tenants["alpha"]'],
      ['module.tenants["beta"]'],
    ]);
    const [ingress] = blocks(resource(result, 'module.admin.aws_security_group.this').body, 'ingress');
    expect(ingress?.attributes['from_port']?.value).toBe(8443);
    expect(attribute(result, 'x_y.names', 'landing')).toBe('port-8443');
    expect(attribute(result, 'x_y.names', 'alpha')).toBe('port-8443');
    expect(attribute(result, 'x_y.names', 'admin')).toBe('port-8443');
  });

  it('uses module variable defaults', async () => {
    const result = await loadFiles({
      'main.tf': `
resource "aws_security_group" "app" {
  name = "app"
}

module "legacy_admin" {
  source            = "./modules/admin_rule"
  security_group_id = aws_security_group.app.id
}
`,
      'modules/admin_rule/variables.tf': `
variable "security_group_id" {
  type = string
}

variable "source_cidr" {
  type    = string
  default = "0.0.0.0/0"
}
`,
      'modules/admin_rule/main.tf': `
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = var.security_group_id
  cidr_blocks       = [var.source_cidr]
}
`,
    });
    const address = 'module.legacy_admin.aws_security_group_rule.ssh';
    expect(attribute(result, address, 'cidr_blocks')).toEqual(['0.0.0.0/0']);
    expect((attribute(result, address, 'security_group_id') as Unknown).ref).toEqual({
      address: 'aws_security_group.app',
      attribute: 'id',
    });
  });

  it('nests module addresses', async () => {
    const result = await loadFiles({
      'main.tf': 'module "outer" {\n  source = "./outer"\n}\n',
      'outer/main.tf': 'module "inner" {\n  source = "../inner"\n  count  = 2\n}\n',
      'inner/main.tf': 'resource "x_y" "z" { a = 1 }\n',
    });
    expect(result.resources.map((r) => r.address)).toEqual([
      'module.outer.module.inner[0].x_y.z',
      'module.outer.module.inner[1].x_y.z',
    ]);
    expect(resource(result, 'module.outer.module.inner[1].x_y.z').moduleCalls).toEqual([
      'module.outer',
      'module.outer.module.inner[1]',
    ]);
  });

  it('stops at a module that calls itself', async () => {
    const result = await loadFiles({
      'main.tf': 'module "loop" {\n  source = "./loop"\n}\n',
      'loop/main.tf': 'module "again" {\n  source = "../loop"\n}\nresource "x_y" "z" { a = 1 }\n',
    });
    expect(result.resources.map((r) => r.address)).toEqual(['module.loop.x_y.z']);
    const cycle = result.diagnostics.find((d) => d.subject === 'module.loop.module.again');
    expect(cycle?.code).toBe('evaluation-error');
    expect(cycle?.severity).toBe('error');
  });

  it('warns about a remote module that was not downloaded', async () => {
    const result = await loadFiles({
      'main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\nresource "x_y" "z" { id = module.vpc.vpc_id }\n',
    });
    const warning = result.diagnostics.find((d) => d.code === 'module-not-followed');
    expect(warning?.severity).toBe('warning');
    expect(warning?.hint).toContain('terraform init');
    expect(warning?.location?.range?.startLine).toBe(2);
    expect(isUnknown(attribute(result, 'x_y.z', 'id'))).toBe(true);
  });

  it('reads a downloaded module from the manifest', async () => {
    const result = await loadFiles({
      'main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\nresource "x_y" "z" { cidr = module.vpc.cidr }\n',
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Dir: '.terraform/modules/vpc' },
          { Key: 'vpc.subnets', Source: 'git::https://example.invalid/subnets.git', Dir: '.terraform/modules/vpc.subnets' },
        ],
      }),
      '.terraform/modules/vpc/main.tf': 'module "subnets" {\n  source = "git::https://example.invalid/subnets.git"\n}\noutput "cidr" { value = "10.0.0.0/16" }\n',
      '.terraform/modules/vpc.subnets/main.tf': 'resource "aws_subnet" "a" { cidr_block = "10.0.1.0/24" }\n',
    });
    expect(attribute(result, 'x_y.z', 'cidr')).toBe('10.0.0.0/16');
    expect(attribute(result, 'module.vpc.module.subnets.aws_subnet.a', 'cidr_block')).toBe('10.0.1.0/24');
    expect(result.diagnostics).toEqual([]);
  });
});
