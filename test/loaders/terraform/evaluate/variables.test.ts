import { describe, expect, it } from 'vitest';
import { isUnknown, Unknown } from '../../../../src/model/unknown.ts';
import { attribute, blocks, load, loadFiles, resource, writeFixture } from './helpers.ts';

const CASE_11_VARIABLES = `
variable "admin_cidr" {
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
`;

const CASE_11_MAIN = `
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
  cidr_blocks       = [local.sources["ssh"]]
}

resource "aws_security_group_rule" "rdp" {
  type        = "ingress"
  cidr_blocks = [lookup(local.sources, "rdp", "10.50.0.0/24")]
}

resource "aws_security_group_rule" "winrm" {
  type        = "ingress"
  cidr_blocks = local.hosts
}

resource "aws_security_group_rule" "mystery" {
  type        = "ingress"
  cidr_blocks = [var.no_default]
}
`;

describe('variable precedence', () => {
  const files = {
    'variables.tf': CASE_11_VARIABLES,
    'main.tf': CASE_11_MAIN,
    'terraform.tfvars': 'admin_cidr = "172.16.0.0/12"\n',
    'terraform.tfvars.json': '{ "admin_cidr": "0.0.0.0/0" }\n',
    'a.auto.tfvars': 'extra = { rdp = "0.0.0.0/0" }\n',
  };

  it('applies terraform.tfvars.json after terraform.tfvars', async () => {
    const result = await loadFiles(files);
    expect(attribute(result, 'aws_security_group_rule.ssh', 'cidr_blocks')).toEqual(['0.0.0.0/0']);
  });

  it('applies auto.tfvars through merge', async () => {
    const result = await loadFiles(files);
    expect(attribute(result, 'aws_security_group_rule.rdp', 'cidr_blocks')).toEqual(['0.0.0.0/0']);
  });

  it('evaluates a for expression in a local', async () => {
    const result = await loadFiles(files);
    expect(attribute(result, 'aws_security_group_rule.winrm', 'cidr_blocks')).toEqual(['10.50.0.10/32', '10.50.0.11/32']);
  });

  it('leaves a variable without value unknown', async () => {
    const result = await loadFiles(files);
    const [value] = attribute(result, 'aws_security_group_rule.mystery', 'cidr_blocks') as unknown[];
    expect(value).toBeInstanceOf(Unknown);
    expect((value as Unknown).origin).toBe('var.no_default');
    expect(result.unresolvedVariables).toEqual([
      { variable: 'var.no_default', usedBy: ['aws_security_group_rule.mystery'] },
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'unresolved-variable')).toHaveLength(1);
  });

  it('links a computed id to its resource', async () => {
    const result = await loadFiles(files);
    const id = attribute(result, 'aws_security_group_rule.ssh', 'security_group_id') as Unknown;
    expect(id).toBeInstanceOf(Unknown);
    expect(id.ref).toEqual({ address: 'aws_security_group.app', attribute: 'id' });
  });

  it('records element locations of a literal list', async () => {
    const result = await loadFiles(files);
    const cidrs = resource(result, 'aws_security_group_rule.ssh').body.attributes['cidr_blocks'];
    expect(cidrs?.elementLocations?.[0]?.range?.startLine).toBe(20);
  });

  it('applies var files and vars in order', async () => {
    const root = writeFixture({ ...files, 'late.tfvars': 'admin_cidr = "192.168.0.0/16"\n' });
    const fromFile = await load(root, { varFiles: [`${root}/late.tfvars`] });
    expect(attribute(fromFile, 'aws_security_group_rule.ssh', 'cidr_blocks')).toEqual(['192.168.0.0/16']);
    const fromVar = await load(root, {
      varFiles: [`${root}/late.tfvars`],
      vars: [{ name: 'admin_cidr', value: '10.9.0.0/16' }, { name: 'extra', value: '{ rdp = "10.8.0.0/16" }' }],
    });
    expect(attribute(fromVar, 'aws_security_group_rule.ssh', 'cidr_blocks')).toEqual(['10.9.0.0/16']);
    expect(attribute(fromVar, 'aws_security_group_rule.rdp', 'cidr_blocks')).toEqual(['10.8.0.0/16']);
  });

  it('orders auto.tfvars files by name', async () => {
    const result = await loadFiles({
      'main.tf': 'variable "v" {}\nresource "x_y" "z" { v = var.v }\n',
      'b.auto.tfvars': 'v = "b"\n',
      'a.auto.tfvars.json': '{ "v": "a" }',
      'terraform.tfvars': 'v = "t"\n',
    });
    expect(attribute(result, 'x_y.z', 'v')).toBe('b');
  });
});

describe('variable types', () => {
  it('converts values to the declared type', async () => {
    const result = await loadFiles({
      'main.tf': `
variable "enabled" { type = bool }
variable "port" { type = number }
variable "rules" {
  type = list(object({
    port     = number
    protocol = optional(string, "tcp")
    note     = optional(string)
  }))
}
resource "x_y" "z" {
  enabled = var.enabled
  port    = var.port
  rules   = var.rules
}
`,
    }, {
      vars: [
        { name: 'enabled', value: 'true' },
        { name: 'port', value: '5' },
        { name: 'rules', value: '[{ port = "22" }, { port = 80, protocol = "udp" }]' },
      ],
    });
    expect(attribute(result, 'x_y.z', 'enabled')).toBe(true);
    expect(attribute(result, 'x_y.z', 'port')).toBe(5);
    expect(attribute(result, 'x_y.z', 'rules')).toEqual([
      { port: 22, protocol: 'tcp', note: null },
      { port: 80, protocol: 'udp', note: null },
    ]);
  });

  it('reports a value that does not match its type', async () => {
    const result = await loadFiles({
      'main.tf': 'variable "port" {\n  type = number\n  default = "http"\n}\nresource "x_y" "z" { port = var.port }\n',
    });
    expect(isUnknown(attribute(result, 'x_y.z', 'port'))).toBe(true);
    expect(result.diagnostics.some((d) => d.code === 'evaluation-error' && d.message.includes('var.port'))).toBe(true);
  });
});

describe('unparsable variable file', () => {
  it('makes the variables it could set unknown', async () => {
    const result = await loadFiles({
      'good.tf': `
variable "admin_cidr" {
  type    = string
  default = "10.50.0.0/24"
}

resource "aws_security_group" "rdp" {
  ingress {
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    cidr_blocks = [var.admin_cidr]
  }
}
`,
      'broken.auto.tfvars': 'admin_cidr =\n',
    });
    const [first, second] = blocks(resource(result, 'aws_security_group.rdp').body, 'ingress');
    expect(first?.attributes['cidr_blocks']?.value).toEqual(['0.0.0.0/0']);
    const [cidr] = second?.attributes['cidr_blocks']?.value as unknown[];
    expect(cidr).toBeInstanceOf(Unknown);
    expect((cidr as Unknown).reason).toContain('broken.auto.tfvars');
    expect(result.diagnostics.some((d) => d.code === 'parse-error' && d.location?.file.endsWith('broken.auto.tfvars'))).toBe(true);
  });

  it('lets a later source set the variable again', async () => {
    const result = await loadFiles({
      'main.tf': 'variable "v" {\n  default = "d"\n}\nresource "x_y" "z" { v = var.v }\n',
      'a.auto.tfvars': 'v =\n',
      'b.auto.tfvars': 'v = "b"\n',
    });
    expect(attribute(result, 'x_y.z', 'v')).toBe('b');
  });
});
