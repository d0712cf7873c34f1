import { describe, expect, it } from 'vitest';
import { isUnknown, Unknown } from '../../../../src/model/unknown.ts';
import type { TerraformLoadResult } from '../../../../src/loaders/terraform/types.ts';
import { attribute, blocks, loadFiles, resource } from './helpers.ts';

/** Loads `hcl` (which declares resource "x_y" "z") and returns its attributes. */
async function evaluateResource(hcl: string): Promise<{ result: TerraformLoadResult; value: (name: string) => unknown }> {
  const result = await loadFiles({ 'main.tf': hcl });
  return { result, value: (name) => attribute(result, 'x_y.z', name) };
}

describe('dynamic blocks', () => {
  it('expands nested dynamic blocks', async () => {
    const { result } = await evaluateResource(`
locals {
  rules = {
    ssh = { port = 22, cidrs = ["10.0.0.0/8"] }
    web = { port = 443, cidrs = ["0.0.0.0/0", "::/0"] }
  }
}
resource "x_y" "z" {
  dynamic "ingress" {
    for_each = local.rules
    iterator = rule
    content {
      from_port = rule.value.port
      name      = rule.key
      dynamic "source" {
        for_each = rule.value.cidrs
        content {
          cidr = source.value
        }
      }
    }
  }
}
`);
    const ingress = blocks(resource(result, 'x_y.z').body, 'ingress');
    expect(ingress.map((b) => b.attributes['from_port']?.value)).toEqual([22, 443]);
    expect(ingress.map((b) => b.attributes['name']?.value)).toEqual(['ssh', 'web']);
    const sources = blocks(ingress[1] as never, 'source').map((b) => b.attributes['cidr']?.value);
    expect(sources).toEqual(['0.0.0.0/0', '::/0']);
  });

  it('warns when for_each is unknown', async () => {
    const { result } = await evaluateResource(`
variable "rules" {}
resource "x_y" "z" {
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port = ingress.value
    }
  }
}
`);
    expect(resource(result, 'x_y.z').body.blocks).toEqual([]);
    expect(result.diagnostics.some((d) => d.severity === 'warning' && d.message.includes('dynamic "ingress"'))).toBe(true);
  });
});

describe('templates and heredocs', () => {
  it('renders directives and interpolations', async () => {
    const { value } = await evaluateResource(`
locals {
  names = ["a", "b"]
}
resource "x_y" "z" {
  list   = "%{for n in local.names}<\${n}>%{endfor}"
  choice = "%{if length(local.names) > 1}many%{else}one%{endif}"
  number = "port \${22 + 1}"
  raw    = "\${local.names}"
  text   = <<-EOT
    hello \${local.names[0]}
    bye
  EOT
}
`);
    expect(value('list')).toBe('<a><b>');
    expect(value('choice')).toBe('many');
    expect(value('number')).toBe('port 23');
    expect(value('raw')).toEqual(['a', 'b']);
    expect(value('text')).toBe('hello a\nbye\n');
  });
});

describe('for expressions and operators', () => {
  it('builds objects, groups and filters', async () => {
    const { value } = await evaluateResource(`
locals {
  ports = { ssh = 22, rdp = 3389, web = 443 }
}
resource "x_y" "z" {
  admin   = [for name, port in local.ports : port if port != 443]
  by_port = { for name, port in local.ports : tostring(port) => name }
  grouped = { for name, port in local.ports : (port > 1000 ? "high" : "low") => name... }
  math    = [1 + 2 * 3, 7 % 4, 10 / 4, -5, !true, "5" + 1, 3 >= 3]
  logic   = [true && false, false || true, "a" == "a", 1 == "1"]
}
`);
    expect(value('admin')).toEqual([3389, 22]);
    expect(value('by_port')).toEqual({ '22': 'ssh', '3389': 'rdp', '443': 'web' });
    expect(value('grouped')).toEqual({ high: ['rdp'], low: ['ssh', 'web'] });
    expect(value('math')).toEqual([7, 3, 2.5, -5, false, 6, true]);
    expect(value('logic')).toEqual([false, true, true, false]);
  });
});

describe('conditionals with unknown values', () => {
  it('keeps a result that both branches agree on', async () => {
    const { value } = await evaluateResource(`
variable "flag" { type = bool }
resource "x_y" "z" {
  same    = var.flag ? "10.0.0.0/8" : "10.0.0.0/8"
  differs = var.flag ? "10.0.0.0/8" : "0.0.0.0/0"
  decided = false && var.flag
}
`);
    expect(value('same')).toBe('10.0.0.0/8');
    expect(isUnknown(value('differs'))).toBe(true);
    expect(value('decided')).toBe(false);
  });
});

describe('try and can', () => {
  it('falls back past errors', async () => {
    const { result, value } = await evaluateResource(`
variable "missing" {}
locals {
  settings = { port = 22 }
}
resource "x_y" "z" {
  port     = try(local.settings.port, 0)
  fallback = try(local.settings.cidr, "10.0.0.0/8")
  has_cidr = can(local.settings.cidr)
  has_port = can(local.settings.port)
  unknown  = try(var.missing, "default")
}
`);
    expect(value('port')).toBe(22);
    expect(value('fallback')).toBe('10.0.0.0/8');
    expect(value('has_cidr')).toBe(false);
    expect(value('has_port')).toBe(true);
    expect(value('unknown')).toBeInstanceOf(Unknown);
    expect(result.diagnostics.filter((d) => d.code === 'evaluation-error')).toEqual([]);
  });
});

describe('evaluation errors', () => {
  it('reports a cycle between locals', async () => {
    const { result, value } = await evaluateResource(`
locals {
  a = local.b
  b = local.c
  c = local.a
}
resource "x_y" "z" {
  v = local.a
  w = "fine"
}
`);
    expect(isUnknown(value('v'))).toBe(true);
    expect(value('w')).toBe('fine');
    const cycle = result.diagnostics.filter((d) => d.message.includes('cycle'));
    expect(cycle).toHaveLength(1);
    for (const name of ['local.a', 'local.b', 'local.c']) expect(cycle[0]?.message).toContain(name);
  });

  it('reports a function error at the call', async () => {
    const { result, value } = await evaluateResource(`
resource "x_y" "z" {
  bad  = cidrsubnet("not-a-cidr", 8, 1)
  good = cidrsubnet("10.0.0.0/16", 8, 1)
}
`);
    expect(isUnknown(value('bad'))).toBe(true);
    expect(value('good')).toBe('10.0.1.0/24');
    const error = result.diagnostics.find((d) => d.code === 'evaluation-error');
    expect(error?.severity).toBe('error');
    expect(error?.location?.range?.startLine).toBe(3);
  });

  it('warns about an unknown function', async () => {
    const { result, value } = await evaluateResource('resource "x_y" "z" {\n  v = no_such_function(1)\n}\n');
    expect(isUnknown(value('v'))).toBe(true);
    expect(result.diagnostics.some((d) => d.severity === 'warning' && d.message.includes('no_such_function'))).toBe(true);
  });

  it('reports a missing attribute and an undeclared reference', async () => {
    const { result, value } = await evaluateResource(`
locals {
  o = { a = 1 }
}
resource "x_y" "z" {
  missing = local.o.b
  nothing = local.none
  index   = [1, 2][5]
  ok      = local.o.a
}
`);
    expect(isUnknown(value('missing'))).toBe(true);
    expect(isUnknown(value('nothing'))).toBe(true);
    expect(isUnknown(value('index'))).toBe(true);
    expect(value('ok')).toBe(1);
    expect(result.diagnostics.filter((d) => d.code === 'evaluation-error' && d.severity === 'error')).toHaveLength(3);
  });

  it('skips files with parse errors and keeps empty files quiet', async () => {
    const result = await loadFiles({
      'good.tf': 'resource "x_y" "z" { a = 1 }\n',
      'broken.tf': 'resource "x_y" "half" {\n  a = [1\n}\n',
      'empty.tf': '',
      'notes.tf': '# TODO\n/* block comment */\n',
    });
    expect(result.resources.map((r) => r.address)).toEqual(['x_y.z']);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['parse-error']);
    expect(result.comments.map((c) => c.text.trim())).toEqual(['TODO', 'block comment']);
    expect(result.files).toHaveLength(4);
  });

  it('leaves meta-arguments out of the body', async () => {
    const { result } = await evaluateResource(`
resource "x_y" "w" {}
resource "x_y" "z" {
  depends_on = [x_y.w]
  provider   = aws.east
  lifecycle {
    create_before_destroy = true
  }
  a = 1
}
`);
    const body = resource(result, 'x_y.z').body;
    expect(Object.keys(body.attributes)).toEqual(['a']);
    expect(body.blocks).toEqual([]);
  });
});

describe('path and workspace', () => {
  it('resolves path and terraform references', async () => {
    const { result, value } = await evaluateResource(`
resource "x_y" "z" {
  module    = path.module
  workspace = terraform.workspace
}
`);
    expect(value('module')).toBe(result.root);
    expect(value('workspace')).toBe('default');
  });
});

describe('templatefile', () => {
  it('renders a template file with variables', async () => {
    const result = await loadFiles({
      'main.tf': 'resource "x_y" "z" {\n  user_data = templatefile("${path.module}/init.tpl", { ports = [22, 443], name = "web" })\n}\n',
      'init.tpl': 'host ${name}\n%{ for p in ports ~}\nallow ${p}\n%{ endfor ~}\n',
    });
    expect(attribute(result, 'x_y.z', 'user_data')).toBe('host web\nallow 22\nallow 443\n');
  });
});
