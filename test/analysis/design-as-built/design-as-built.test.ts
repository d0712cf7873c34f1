import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

const DESIGN = `version: 1
sites:
  dc:
    zones:
      dmz: { cidrs: [10.10.1.0/24] }
      app: { kind: internal, cidrs: [10.10.3.0/24] }
      mgmt: { kind: management, cidrs: [10.10.4.0/24] }
    policies:
      - rules:
          - { from: dmz, to: app, protocol: tcp, ports: 5432, action: allow }
`;

function code(extraSubnet: string, port: number): string {
  return `resource "aws_vpc" "dc" {
  cidr_block = "10.10.0.0/16"
}
resource "aws_subnet" "dmz" {
  vpc_id     = aws_vpc.dc.id
  cidr_block = "10.10.1.0/24"
  tags       = { Zone = "dmz" }
}
resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.dc.id
  cidr_block = "10.10.3.0/24"
  tags       = { Zone = "internal" }
}
resource "aws_subnet" "mgmt" {
  vpc_id     = aws_vpc.dc.id
  cidr_block = "10.10.4.0/24"
  tags       = { Zone = "management" }
}
${extraSubnet}
resource "aws_security_group" "db" {
  vpc_id = aws_vpc.dc.id
  tags   = { Zone = "internal" }
  ingress {
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = ["10.10.1.0/24"]
  }
}
`;
}

async function scanWithDesign(hcl: string, design = DESIGN) {
  const root = await mkdtemp(join(tmpdir(), 'zoneguard-as-built-'));
  folders.push(root);
  await writeFile(join(root, 'main.tf'), hcl);
  await writeFile(join(root, 'approved.yml'), design);
  const result = await scan([root], { design: [join(root, 'approved.yml')], cwd: root });
  return result.findings.filter((finding) => finding.ruleId === 'design-as-built');
}

describe('design-as-built', () => {
  it('passes code that follows the design', async () => {
    expect(await scanWithDesign(code('', 5432))).toEqual([]);
  });

  it('reports a flow the design lacks at the rule', async () => {
    const findings = await scanWithDesign(code('', 3389));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.messageId).toBe('flow-not-in-design');
    expect(findings[0]?.data).toMatchObject({ from: 'dmz', to: 'internal', services: 'tcp 3389' });
    expect(findings[0]?.location.file).toMatch(/main\.tf$/);
    expect(findings[0]?.location.range?.startLine).toBe(23);
  });

  it('reports a segment outside every design zone', async () => {
    const extra = `resource "aws_subnet" "extra" {
  vpc_id     = aws_vpc.dc.id
  cidr_block = "10.10.9.0/24"
  tags       = { Zone = "internal" }
}`;
    const findings = await scanWithDesign(code(extra, 5432));
    expect(findings.map((finding) => finding.messageId)).toEqual(['segment-not-in-design']);
    expect(findings[0]?.address).toBe('aws_subnet.extra');
  });

  it('reports a segment whose zone differs from the design', async () => {
    const hcl = code('', 5432).replace('tags       = { Zone = "management" }', 'tags       = { Zone = "internal" }');
    const findings = await scanWithDesign(hcl);
    const differs = findings.find((finding) => finding.messageId === 'zone-differs');
    expect(differs?.data).toMatchObject({ segment: 'aws_subnet.mgmt', designKind: 'management' });
  });

  it('reports a design zone the code never builds at its YAML line', async () => {
    const design = DESIGN.replace('      mgmt:', '      users: { kind: user-wired, cidrs: [10.10.5.0/24] }\n      mgmt:');
    const findings = await scanWithDesign(code('', 5432), design);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.messageId).toBe('zone-not-built');
    expect(findings[0]?.location.file).toMatch(/approved\.yml$/);
    expect(findings[0]?.location.range?.startLine).toBe(7);
  });
});
