import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../src/loaders/terraform/ast.ts';
import { parseText, range } from './helpers.ts';

const CDK_JSON = `{
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

function parseCdk() {
  return parseText(CDK_JSON, '/stack/cdk.tf.json');
}

function attribute(block: Block, name: string) {
  return block.body.attributes.find((candidate) => candidate.name === name);
}

describe('cdktf JSON', () => {
  it('parses without diagnostics', async () => {
    const file = await parseCdk();
    expect(file.format).toBe('json');
    expect(file.diagnostics).toEqual([]);
  });

  it('maps top-level properties to blocks', async () => {
    const file = await parseCdk();
    expect(file.body.blocks.map((block) => [block.type, ...block.labels])).toEqual([
      ['terraform'],
      ['provider', 'aws'],
      ['variable', 'admin_cidr'],
      ['resource', 'aws_security_group', 'bastion_sg'],
      ['resource', 'aws_instance', 'bastion'],
    ]);
  });

  it('ignores "//" keys and null properties', async () => {
    const file = await parseCdk();
    const group = file.body.blocks[3]!;
    expect(group.body.attributes.map((candidate) => candidate.name)).toEqual(['name', 'description']);
    const ingress = group.body.blocks[0]!;
    expect(ingress.body.attributes.map((candidate) => candidate.name)).toEqual(['protocol', 'from_port', 'to_port', 'cidr_blocks']);
  });

  it('reads $${ as a literal ${', async () => {
    const file = await parseCdk();
    expect(attribute(file.body.blocks[3]!, 'description')!.expression).toMatchObject({
      kind: 'template',
      parts: [{ kind: 'literal', text: 'costs ${PRICE} per hour' }],
    });
  });

  it('expands a block array and locates cidr_blocks on line 17', async () => {
    const file = await parseCdk();
    const ingress = file.body.blocks[3]!.body.blocks;
    expect(ingress).toHaveLength(1);
    expect(ingress[0]!.location.range).toEqual(range([13, 11], [23, 12]));
    const cidrBlocks = attribute(ingress[0]!, 'cidr_blocks')!;
    expect(cidrBlocks.location).toEqual({ file: '/stack/cdk.tf.json', range: range([17, 13], [17, 49]) });
    expect(cidrBlocks.expression).toMatchObject({
      kind: 'tuple',
      items: [{
        kind: 'template',
        location: { range: range([17, 29], [17, 48]) },
        parts: [{
          kind: 'interpolation',
          expression: { kind: 'getattr', name: 'admin_cidr', object: { kind: 'variable', name: 'var' }, location: { range: range([17, 32], [17, 46]) } },
        }],
      }],
    });
  });

  it('reads numbers as literals', async () => {
    const file = await parseCdk();
    expect(attribute(file.body.blocks[3]!.body.blocks[0]!, 'from_port')!.expression).toMatchObject({ kind: 'literal', value: 22 });
  });

  it('records construct paths by resource address', async () => {
    const file = await parseCdk();
    expect(file.constructPaths).toEqual({
      'aws_security_group.bastion_sg': 'net/bastion/sg',
      'aws_instance.bastion': 'net/bastion/host',
    });
  });

  it('lists headers with addresses', async () => {
    const file = await parseCdk();
    expect(file.headers.filter((header) => header.address).map((header) => header.address)).toEqual([
      'aws_security_group.bastion_sg',
      'aws_instance.bastion',
    ]);
  });

  it('keeps variable defaults literal and reads type as an expression', async () => {
    const file = await parseCdk();
    const variable = file.body.blocks[2]!;
    expect(attribute(variable, 'type')!.expression).toMatchObject({ kind: 'variable', name: 'string' });
    expect(attribute(variable, 'default')!.expression).toMatchObject({ kind: 'template', parts: [{ kind: 'literal', text: '0.0.0.0/0' }] });
  });

  it('reads required_providers entries as attributes', async () => {
    const file = await parseCdk();
    const requiredProviders = file.body.blocks[0]!.body.blocks[0]!;
    expect(requiredProviders.type).toBe('required_providers');
    expect(requiredProviders.body.attributes[0]).toMatchObject({ name: 'aws', expression: { kind: 'object' } });
  });
});

describe('Terraform JSON rules', () => {
  it('keeps map arguments as objects and nested objects as blocks', async () => {
    const file = await parseText(
      JSON.stringify({
        resource: {
          aws_instance: {
            web: {
              tags: { Zone: 'dmz', '//': 'note' },
              root_block_device: { volume_size: 8 },
              dynamic: { ebs_block_device: { for_each: '${var.disks}', content: { device_name: '${ebs_block_device.value}' } } },
            },
          },
        },
      }, null, 2),
      '/m/x.tf.json',
    );
    expect(file.diagnostics).toEqual([]);
    const web = file.body.blocks[0]!;
    expect(web.body.attributes[0]).toMatchObject({
      name: 'tags',
      expression: { kind: 'object', items: [{ key: { parts: [{ text: 'Zone' }] }, value: { parts: [{ text: 'dmz' }] } }] },
    });
    expect(web.body.blocks.map((block) => [block.type, ...block.labels])).toEqual([
      ['root_block_device'],
      ['dynamic', 'ebs_block_device'],
    ]);
    expect(web.body.blocks[1]!.body.blocks[0]!.type).toBe('content');
    expect(file.comments).toEqual([{ file: '/m/x.tf.json', line: 7, text: 'note', trailing: false }]);
  });

  it('reads module arguments, locals and outputs as expressions', async () => {
    const file = await parseText(
      JSON.stringify({
        module: { net: { source: './net', subnets: [{ cidr: '10.0.0.0/24' }] } },
        locals: { zones: { dmz: '${var.dmz}' } },
        output: { id: { value: '${module.net.id}' } },
      }),
      '/m/x.tf.json',
    );
    const [module, locals, output] = file.body.blocks;
    expect(module!.body.blocks).toEqual([]);
    expect(module!.body.attributes.map((candidate) => candidate.name)).toEqual(['source', 'subnets']);
    expect(locals!.body.attributes[0]).toMatchObject({ name: 'zones', expression: { kind: 'object' } });
    expect(output!.body.attributes[0]!.expression).toMatchObject({ parts: [{ kind: 'interpolation' }] });
    expect(file.headers.find((header) => header.type === 'module')!.address).toBe('module.net');
  });

  it('parses directives and escapes inside strings', async () => {
    const file = await parseText('{"locals": {"a": "x\\n%{ if var.on }on%{ endif }\\"${1 + 2}"}}', '/m/x.tf.json');
    expect(file.diagnostics).toEqual([]);
    expect(file.body.blocks[0]!.body.attributes[0]!.expression).toMatchObject({
      kind: 'template',
      parts: [
        { kind: 'literal', text: 'x\n' },
        { kind: 'if', then: [{ kind: 'literal', text: 'on' }] },
        { kind: 'literal', text: '"' },
        { kind: 'interpolation', expression: { kind: 'binary', operator: '+', location: { range: range([1, 52], [1, 57]) } } },
      ],
    });
  });

  it('reports an invalid template inside a string at its position', async () => {
    const file = await parseText('{\n  "locals": {"a": "${var.}"}\n}', '/m/x.tf.json');
    expect(file.diagnostics[0]).toMatchObject({ code: 'parse-error', severity: 'error', location: { range: { startLine: 2 } } });
  });

  it('reports invalid JSON at its position', async () => {
    const file = await parseText('{\n  "resource": {\n    "a": 1,\n  }\n}', '/m/x.tf.json');
    expect(file.diagnostics).toHaveLength(1);
    expect(file.diagnostics[0]).toMatchObject({ code: 'parse-error', severity: 'error', location: { range: { startLine: 4, startColumn: 3 } } });
    expect(file.diagnostics[0]!.message).toContain('/m/x.tf.json');
  });

  it('rejects a top level that is not an object', async () => {
    const file = await parseText('[1]', '/m/x.tf.json');
    expect(file.diagnostics[0]).toMatchObject({ code: 'parse-error', severity: 'error' });
  });

  it('reads a .tfvars.json file as literal values', async () => {
    const file = await parseText('{ "admin_cidr": "${not.a.reference}", "ports": [22, 3389] }', '/m/x.tfvars.json');
    expect(file.diagnostics).toEqual([]);
    expect(file.body.attributes[0]).toMatchObject({ name: 'admin_cidr', expression: { parts: [{ kind: 'literal', text: '${not.a.reference}' }] } });
    expect(file.body.attributes[1]!.expression).toMatchObject({ kind: 'tuple', items: [{ value: 22 }, { value: 3389 }] });
  });

  it('reads a BOM and CRLF in JSON', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{\r\n  "locals": {\r\n    "a": "${b}"\r\n  }\r\n}\r\n')]);
    const { parseFile } = await import('../../../../src/loaders/terraform/parse/index.ts');
    const file = await parseFile('/m/x.tf.json', bytes);
    expect(file.diagnostics).toEqual([]);
    expect(file.body.blocks[0]!.body.attributes[0]!.location.range).toEqual(range([3, 5], [3, 16]));
  });
});

describe('side-by-side .tf.json', () => {
  it('parses the rules file of a mixed module', async () => {
    const text = `{
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
}`;
    const file = await parseText(text, '/m/rules.tf.json');
    expect(file.diagnostics).toEqual([]);
    const rule = file.body.blocks[0]!;
    expect(rule.location.range).toEqual(range([4, 7], [11, 8]));
    expect(attribute(rule, 'cidr_blocks')!.location.range!.startLine).toBe(10);
    expect(attribute(rule, 'security_group_id')!.expression).toMatchObject({
      parts: [{ kind: 'interpolation', expression: { kind: 'getattr', name: 'id' } }],
    });
  });
});
