// Writes a synthetic Terraform estate for the benchmark: many sites (VPCs),
// each with the seven zones, security groups, rules, instances, a database and
// a load balancer. Half of the sites are plain resources in one file each, the
// other half are calls of a local module, so both paths of the loader are
// measured.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Resources one site produces; used to size an estate from a target count. */
export const RESOURCES_PER_SITE = 45;

const ZONES = [
  ['dmz', 'dmz'],
  ['proxy', 'internet-access'],
  ['servers', 'internal'],
  ['mgmt', 'management'],
  ['office', 'user-wired'],
  ['wifi', 'user-wireless'],
  ['partners', 'partner'],
] as const;

/** The body of one site, with `${p}` as the resource name prefix and `cidr` as its /16. */
function siteResources(p: string, cidr: string): string {
  const blocks: string[] = [];
  blocks.push(`resource "aws_vpc" "${p}" {
  cidr_block = ${cidr}
  tags       = { Name = "${p}" }
}
`);
  ZONES.forEach(([name, zone], i) => {
    blocks.push(`resource "aws_subnet" "${p}_${name}" {
  vpc_id     = aws_vpc.${p}.id
  cidr_block = cidrsubnet(${cidr}, 8, ${i + 1})
  tags = {
    Name = "${p}-${name}"
    Zone = "${zone}"
  }
}
`);
  });
  blocks.push(`resource "aws_internet_gateway" "${p}" {
  vpc_id = aws_vpc.${p}.id
}

resource "aws_eip" "${p}_nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "${p}" {
  allocation_id = aws_eip.${p}_nat.id
  subnet_id     = aws_subnet.${p}_proxy.id
}

resource "aws_route_table" "${p}_edge" {
  vpc_id = aws_vpc.${p}.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.${p}.id
  }
}

resource "aws_route_table" "${p}_inner" {
  vpc_id = aws_vpc.${p}.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.${p}.id
  }
}
`);
  ZONES.forEach(([name], i) => {
    const table = i < 2 ? 'edge' : 'inner';
    blocks.push(`resource "aws_route_table_association" "${p}_${name}" {
  subnet_id      = aws_subnet.${p}_${name}.id
  route_table_id = aws_route_table.${p}_${table}.id
}
`);
  });
  for (const tier of ['web', 'app', 'db', 'mgmt', 'proxy', 'office']) {
    blocks.push(`resource "aws_security_group" "${p}_${tier}" {
  name   = "${p}-${tier}"
  vpc_id = aws_vpc.${p}.id

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [aws_subnet.${p}_dmz.cidr_block]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [aws_subnet.${p}_mgmt.cidr_block]
  }

  egress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`);
  }
  for (const [i, port] of [8080, 8443, 3389, 5432].entries()) {
    const source = i === 2 ? '"0.0.0.0/0"' : `aws_subnet.${p}_office.cidr_block`;
    blocks.push(`resource "aws_security_group_rule" "${p}_extra_${i}" {
  type              = "ingress"
  security_group_id = aws_security_group.${p}_app.id
  protocol          = "tcp"
  from_port         = ${port}
  to_port           = ${port}
  cidr_blocks       = [${source}]
}
`);
  }
  for (let i = 0; i < 10; i++) {
    const tier = i < 4 ? 'web' : 'app';
    const subnet = i < 4 ? 'dmz' : 'servers';
    blocks.push(`resource "aws_instance" "${p}_${tier}_${i}" {
  ami                    = "ami-0a1b2c3d4e5f60718"
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.${p}_${subnet}.id
  vpc_security_group_ids = [aws_security_group.${p}_${tier}.id]
  tags = {
    Name = "${p}-${tier}-${i}"
    Role = "${tier}"
    RAID = "raid1"
  }
}
`);
  }
  blocks.push(`resource "aws_db_subnet_group" "${p}" {
  name       = "${p}-data"
  subnet_ids = [aws_subnet.${p}_servers.id]
}

resource "aws_db_instance" "${p}" {
  identifier             = "${p}"
  engine                 = "postgres"
  instance_class         = "db.t3.medium"
  allocated_storage      = 20
  db_subnet_group_name   = aws_db_subnet_group.${p}.name
  vpc_security_group_ids = [aws_security_group.${p}_db.id]
}

resource "aws_lb" "${p}" {
  name            = "${p}"
  internal        = false
  subnets         = [aws_subnet.${p}_dmz.id]
  security_groups = [aws_security_group.${p}_web.id]
}

resource "aws_lb_target_group" "${p}" {
  name     = "${p}"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = aws_vpc.${p}.id
}

resource "aws_lb_listener" "${p}" {
  load_balancer_arn = aws_lb.${p}.arn
  port              = 443
  protocol          = "HTTPS"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.${p}.arn
  }
}
`);
  return blocks.join('\n');
}

function siteCidr(index: number): string {
  return `"10.${index % 256}.0.0/16"`;
}

/**
 * Writes an estate of about `resources` resources under `dir` (emptied first)
 * and returns the number of sites.
 */
export function generateEstate(dir: string, resources: number): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'modules', 'site'), { recursive: true });
  const sites = Math.max(2, Math.round(resources / RESOURCES_PER_SITE));
  const direct = Math.ceil(sites / 2);

  writeFileSync(
    join(dir, 'modules', 'site', 'main.tf'),
    `variable "name" {\n  type = string\n}\n\nvariable "cidr" {\n  type = string\n}\n\n` +
      siteResources('this', 'var.cidr').replaceAll('"this-', '"${var.name}-').replaceAll('Name = "this"', 'Name = var.name'),
  );
  for (let i = 0; i < direct; i++) {
    writeFileSync(join(dir, `site_${String(i).padStart(4, '0')}.tf`), siteResources(`s${i}`, siteCidr(i)));
  }
  const callsPerFile = 20;
  for (let first = direct; first < sites; first += callsPerFile) {
    const calls: string[] = [];
    for (let i = first; i < Math.min(sites, first + callsPerFile); i++) {
      calls.push(`module "site_${i}" {\n  source = "./modules/site"\n  name   = "m${i}"\n  cidr   = ${siteCidr(i)}\n}\n`);
    }
    writeFileSync(join(dir, `modules_${String(first).padStart(4, '0')}.tf`), calls.join('\n'));
  }
  return sites;
}
