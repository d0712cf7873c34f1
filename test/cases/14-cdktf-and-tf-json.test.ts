import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.ts';
import type { Finding } from '../../src/engine/types.ts';
import { loadTerraform } from '../../src/loaders/terraform/index.ts';
import type { ResourceInstance } from '../../src/loaders/terraform/types.ts';
import { Unknown } from '../../src/model/unknown.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { renderText } from '../../src/reporters/text.ts';

const STACK = `{
  "//": { "metadata": { "backend": "local", "stackName": "net", "version": "0.20.0" } },
  "terraform": { "required_providers": { "aws": { "source": "aws", "version": "5.0.0" } } },
  "provider": { "aws": [ { "region": "eu-west-1" } ] },
  "variable": { "admin_cidr": { "type": "string", "default": "0.0.0.0/0" } },
  "resource": {
    "aws_security_group": {
      "bastion_sg": {
        "//": { "metadata": { "path": "net/bastion/sg", "uniqueId": "bastion_sg" } },
        "name": "bastion",
        "description": "costs $\${PRICE} per hour",
        "ingress": [
          {
            "protocol": "tcp",
            "from_port": 22,
            "to_port": 22,
            "cidr_blocks": ["\${var.admin_cidr}"],
            "description": null,
            "ipv6_cidr_blocks": null,
            "prefix_list_ids": null,
            "security_groups": null,
            "self": null
          }
        ]
      }
    },
    "aws_instance": {
      "bastion": {
        "//": { "metadata": { "path": "net/bastion/host", "uniqueId": "bastion" } },
        "ami": "ami-333",
        "instance_type": "t3.micro",
        "vpc_security_group_ids": ["\${aws_security_group.bastion_sg.id}"]
      }
    }
  }
}
`;

const MAIN_TF = `variable "admin_cidr" {
  type    = string
  default = "0.0.0.0/0"
}

resource "aws_security_group" "jump" {
  name   = "jump"
  vpc_id = "vpc-1"
}
`;

const RULES_TF_JSON = `{
  "resource": {
    "aws_security_group_rule": {
      "jump_ssh": {
        "type": "ingress",
        "security_group_id": "\${aws_security_group.jump.id}",
        "protocol": "tcp",
        "from_port": 22,
        "to_port": 22,
        "cidr_blocks": ["\${var.admin_cidr}"]
      }
    }
  }
}
`;

const CASE_RULES = ['management-ports-from-management-zone', 'internet-ingress-dmz-only'];
const STACK_FILE = 'cdktf.out/stacks/net/cdk.tf.json';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zoneguard-case14-'));
  await writeFiles(root, {
    'cdktf.out/manifest.json': JSON.stringify({
      version: '0.20.0',
      stacks: { net: { name: 'net', constructPath: 'net', synthesizedStackPath: 'stacks/net/cdk.tf.json', workingDirectory: 'stacks/net', annotations: [], dependencies: [] } },
    }),
    [STACK_FILE]: STACK,
    'mixed/main.tf': MAIN_TF,
    'mixed/rules.tf.json': RULES_TF_JSON,
  });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeFiles(base: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(base, name)), { recursive: true });
    await writeFile(join(base, name), text);
  }
}

async function stackResources(): Promise<ResourceInstance[]> {
  const loaded = await loadTerraform(join(root, 'cdktf.out/stacks/net'));
  expect(loaded.diagnostics).toEqual([]);
  return loaded.resources;
}

function caseFindings(findings: Finding[], address: string): Finding[] {
  return findings.filter((finding) => finding.address === address && CASE_RULES.includes(finding.ruleId));
}

describe('cdktf synthesized JSON', () => {
  it('ignores "//" keys at every level: no resource, attribute or block named "//"', async () => {
    const resources = await stackResources();
    expect(resources.map((resource) => resource.address).sort()).toEqual([
      'aws_instance.bastion',
      'aws_security_group.bastion_sg',
    ]);
    for (const resource of resources) {
      expect(Object.keys(resource.body.attributes)).not.toContain('//');
      expect(resource.body.blocks.map((block) => block.type)).not.toContain('//');
    }
  });

  it('reads strings as templates: ${var.admin_cidr} resolves, $${PRICE} stays literal text', async () => {
    const group = (await stackResources()).find((resource) => resource.type === 'aws_security_group');
    expect(group?.body.attributes.description?.value).toBe('costs ${PRICE} per hour');
    expect(group?.body.blocks[0]?.body.attributes.cidr_blocks?.value).toEqual(['0.0.0.0/0']);
  });

  it('treats null attributes as absent and expands the ingress array into one block per element', async () => {
    const group = (await stackResources()).find((resource) => resource.type === 'aws_security_group');
    const ingress = group?.body.blocks.filter((block) => block.type === 'ingress') ?? [];
    expect(ingress).toHaveLength(1);
    expect(Object.keys(ingress[0]?.body.attributes ?? {}).sort()).toEqual(['cidr_blocks', 'from_port', 'protocol', 'to_port']);
  });

  it('records the construct path of each resource', async () => {
    const paths = (await stackResources()).map((resource) => [resource.address, resource.constructPath]);
    expect(paths.sort()).toEqual([
      ['aws_instance.bastion', 'net/bastion/host'],
      ['aws_security_group.bastion_sg', 'net/bastion/sg'],
    ]);
  });

  it('reports SSH and internet ingress on bastion_sg at the cidr_blocks line, naming the host and construct', async () => {
    const result = await scan([join(root, 'cdktf.out')], { ruleIds: CASE_RULES });
    const findings = caseFindings(result.findings, 'aws_security_group.bastion_sg');
    expect(findings.map((finding) => `${finding.ruleId} ${finding.status}`).sort()).toEqual([
      'internet-ingress-dmz-only fail',
      'management-ports-from-management-zone fail',
    ]);
    for (const finding of findings) {
      expect(finding.location.file).toBe(join(root, STACK_FILE));
      expect(finding.location.range?.startLine).toBe(17);
      expect(finding.message).toContain('aws_instance.bastion');
      expect(finding.constructPath).toBe('net/bastion/sg');
      expect(finding.message).toContain('net/bastion/sg');
    }
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('shows the construct path beside the cdk.tf.json line in the text and SARIF reports', async () => {
    const result = await scan([join(root, 'cdktf.out')], { ruleIds: CASE_RULES });
    const text = renderText(result, { color: false });
    const blocks = text.split(/\n(?=  stacks\/net\/cdk\.tf\.json:)/).filter((block) => block.includes('cdk.tf.json:17:'));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block).toContain('Construct: net/bastion/sg');

    const sarif = JSON.parse(renderSarif(result)) as { runs: Array<{ results: Array<Record<string, any>> }> };
    const results = sarif.runs[0]?.results ?? [];
    expect(results).toHaveLength(2);
    for (const entry of results) {
      expect(entry.locations[0].physicalLocation.region.startLine).toBe(17);
      expect(JSON.stringify(entry.properties)).toContain('net/bastion/sg');
    }
  });
});

describe('.tf and .tf.json files in one folder form one module', () => {
  it('resolves var.admin_cidr from main.tf and security_group_id to aws_security_group.jump', async () => {
    const loaded = await loadTerraform(join(root, 'mixed'));
    const rule = loaded.resources.find((resource) => resource.address === 'aws_security_group_rule.jump_ssh');
    expect(rule?.body.attributes.cidr_blocks?.value).toEqual(['0.0.0.0/0']);
    const group = rule?.body.attributes.security_group_id?.value;
    expect(group).toBeInstanceOf(Unknown);
    expect((group as Unknown).ref).toEqual({ address: 'aws_security_group.jump', attribute: 'id' });
  });

  it('yields both rules on jump_ssh at the cidr_blocks line of rules.tf.json', async () => {
    const result = await scan([join(root, 'mixed')], { ruleIds: CASE_RULES });
    const findings = caseFindings(result.findings, 'aws_security_group_rule.jump_ssh');
    expect(findings.map((finding) => `${finding.ruleId} ${finding.status}`).sort()).toEqual([
      'internet-ingress-dmz-only fail',
      'management-ports-from-management-zone fail',
    ]);
    for (const finding of findings) {
      expect(finding.location.file).toBe(join(root, 'mixed/rules.tf.json'));
      expect(finding.location.range?.startLine).toBe(10);
      expect(finding.message).toContain('aws_security_group.jump');
    }
  });
});
