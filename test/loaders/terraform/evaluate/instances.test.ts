import { describe, expect, it } from 'vitest';
import { Unknown } from '../../../../src/model/unknown.ts';
import { attribute, load, loadFiles, resource, writeFixture } from './helpers.ts';

const CASE_12_MAIN = `
variable "tiers" {
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
  from_port         = each.value.port
  cidr_blocks       = each.value.open ? ["0.0.0.0/0"] : ["10.0.20.0/24"]
}

resource "aws_db_instance" "main" {
  vpc_security_group_ids = [aws_security_group.tier["db"].id]
}

resource "aws_instance" "jump" {
  count                  = var.enable_jump ? 1 : 0
  vpc_security_group_ids = [aws_security_group.tier["web"].id]
  name                   = "jump-\${count.index}"
}
`;

function fixture(): string {
  return writeFixture({
    'main.tf': CASE_12_MAIN,
    'db-open.tfvars': `tiers = {
  web = { zone = "dmz", port = 443, open = true }
  db  = { zone = "internal", port = 5432, open = true }
}
`,
    'jump.tfvars': 'enable_jump = true\n',
  });
}

describe('for_each and count instances', () => {
  it('keys for_each instances', async () => {
    const result = await load(fixture());
    const groups = result.resources.filter((r) => r.type === 'aws_security_group').map((r) => r.address);
    expect(groups).toEqual(['aws_security_group.tier["db"]', 'aws_security_group.tier["web"]']);
    expect(resource(result, 'aws_security_group.tier["web"]').key).toBe('web');
    expect(attribute(result, 'aws_security_group.tier["web"]', 'name')).toBe('sg-web');
    expect(attribute(result, 'aws_security_group.tier["db"]', 'tags')).toEqual({ Zone: 'internal' });
  });

  it('links an instance reference by key', async () => {
    const result = await load(fixture());
    const id = attribute(result, 'aws_security_group_rule.tier_in["db"]', 'security_group_id') as Unknown;
    expect(id).toBeInstanceOf(Unknown);
    expect(id.ref).toEqual({ address: 'aws_security_group.tier["db"]', attribute: 'id' });
    const [dbGroup] = attribute(result, 'aws_db_instance.main', 'vpc_security_group_ids') as Unknown[];
    expect(dbGroup?.ref?.address).toBe('aws_security_group.tier["db"]');
    expect(attribute(result, 'aws_security_group_rule.tier_in["db"]', 'cidr_blocks')).toEqual(['10.0.20.0/24']);
  });

  it('applies a var file to for_each values', async () => {
    const root = fixture();
    const result = await load(root, { varFiles: [`${root}/db-open.tfvars`] });
    expect(attribute(result, 'aws_security_group_rule.tier_in["db"]', 'cidr_blocks')).toEqual(['0.0.0.0/0']);
  });

  it('drops a resource with count 0', async () => {
    const result = await load(fixture());
    expect(result.resources.some((r) => r.type === 'aws_instance')).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('keys count instances', async () => {
    const root = fixture();
    const result = await load(root, { varFiles: [`${root}/jump.tfvars`] });
    const jump = resource(result, 'aws_instance.jump[0]');
    expect(jump.key).toBe(0);
    expect(jump.body.attributes['name']?.value).toBe('jump-0');
    const [group] = jump.body.attributes['vpc_security_group_ids']?.value as Unknown[];
    expect(group?.ref?.address).toBe('aws_security_group.tier["web"]');
    expect(jump.body.attributes['count']).toBeUndefined();
  });

  it('skips an unknown count with a warning', async () => {
    const result = await loadFiles({
      'main.tf': `
data "aws_subnets" "all" {}
resource "aws_instance" "many" {
  count = length(data.aws_subnets.all.ids)
  ami   = "ami-1"
}
resource "aws_instance" "each" {
  for_each = toset(data.aws_subnets.all.ids)
  ami      = "ami-1"
}
`,
    });
    expect(result.resources.map((r) => r.address)).toEqual(['data.aws_subnets.all']);
    const warnings = result.diagnostics.filter((d) => d.code === 'evaluation-error' && d.severity === 'warning');
    expect(warnings.map((d) => d.subject)).toEqual(['aws_instance.many', 'aws_instance.each']);
    expect(warnings[0]?.message).toContain('The number of instances of aws_instance.many could not be determined');
  });

  it('reads references to whole resources and splats', async () => {
    const result = await loadFiles({
      'main.tf': `
resource "aws_subnet" "a" {
  count      = 2
  cidr_block = "10.0.\${count.index}.0/24"
}
resource "aws_security_group" "g" {
  ingress {
    from_port = 22
  }
}
resource "x_y" "z" {
  cidrs  = aws_subnet.a[*].cidr_block
  ids    = aws_subnet.a[*].id
  first  = aws_subnet.a[0].cidr_block
  port   = aws_security_group.g.ingress[0].from_port
  name   = aws_security_group.g.name
  names  = [for s in aws_subnet.a : s.cidr_block]
}
`,
    });
    expect(attribute(result, 'x_y.z', 'cidrs')).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    const ids = attribute(result, 'x_y.z', 'ids') as Unknown[];
    expect(ids.map((id) => id.ref?.address)).toEqual(['aws_subnet.a[0]', 'aws_subnet.a[1]']);
    expect(attribute(result, 'x_y.z', 'first')).toBe('10.0.0.0/24');
    expect(attribute(result, 'x_y.z', 'port')).toBe(22);
    expect((attribute(result, 'x_y.z', 'name') as Unknown).reason).toBe('computed by the provider');
    expect(attribute(result, 'x_y.z', 'names')).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
  });

  it('makes data source attributes unknown with a reference', async () => {
    const result = await loadFiles({
      'main.tf': 'data "aws_vpc" "main" {\n  id = "vpc-1"\n}\nresource "x_y" "z" { cidr = data.aws_vpc.main.cidr_block }\n',
    });
    const cidr = attribute(result, 'x_y.z', 'cidr') as Unknown;
    expect(cidr.reason).toBe('read from a data source at plan time');
    expect(cidr.ref).toEqual({ address: 'data.aws_vpc.main', attribute: 'cidr_block' });
    expect(resource(result, 'data.aws_vpc.main').mode).toBe('data');
  });
});
