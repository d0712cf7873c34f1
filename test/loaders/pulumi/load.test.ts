import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPulumi, loadPulumiDocument, UNKNOWN_PLACEHOLDER } from '../../../src/loaders/pulumi/index.ts';
import type { ResourceInstance, Value } from '../../../src/loaders/terraform/types.ts';
import { isUnknown, type Unknown } from '../../../src/model/unknown.ts';

const SIG = '4dabf18193072939515e22adb298388d';
const urn = (type: string, name: string, parent = ''): string => `urn:pulumi:dev::net::${parent}${type}::${name}`;
const VPC = 'aws:ec2/vpc:Vpc';
const SG = 'aws:ec2/securityGroup:SecurityGroup';
const INSTANCE = 'aws:ec2/instance:Instance';

function value(resources: ResourceInstance[], address: string, attribute: string): Value | undefined {
  return resources.find((r) => r.address === address)?.body.attributes[attribute]?.value;
}

function refOf(item: Value | undefined): { address: string; attribute: string } | undefined {
  return isUnknown(item) ? (item as Unknown).ref : undefined;
}

describe('loading a stack export', () => {
  const document = {
    version: 3,
    deployment: {
      resources: [
        { urn: urn('pulumi:pulumi:Stack', 'net-dev'), type: 'pulumi:pulumi:Stack', inputs: {}, outputs: {} },
        { urn: urn(VPC, 'main'), type: VPC, id: 'vpc-0a1', inputs: { cidrBlock: '10.0.0.0/16' }, outputs: { id: 'vpc-0a1', arn: 'arn:aws:ec2:vpc/vpc-0a1' } },
        {
          urn: urn(SG, 'web'),
          type: SG,
          id: 'sg-1',
          inputs: {
            vpcId: 'vpc-0a1',
            name: 'web',
            tags: { costCenter: 'portal', Zone: 'dmz' },
            ingress: [{ fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: [] }],
          },
          outputs: { id: 'sg-1' },
        },
        {
          urn: urn(INSTANCE, 'web'),
          type: INSTANCE,
          id: 'i-1',
          inputs: {
            vpcSecurityGroupIds: ['sg-1', 'sg-elsewhere'],
            userData: { [SIG]: '1b47061264138c4ac30d75fd1eb44270', plaintext: '"#!/bin/bash"' },
            keyName: { [SIG]: '1b47061264138c4ac30d75fd1eb44270', ciphertext: 'v1:abc' },
            ebsBlockDevices: [{ deviceName: '/dev/sdf', volumeSize: 20 }],
            networkInterfaces: [{ networkInterfaceId: 'eni-1', deviceIndex: 0 }],
          },
        },
        { urn: urn(SG, 'gone'), type: SG, delete: true, inputs: {} },
        { urn: urn('aws:ec2/subnet:Subnet', 'a', 'my:net:Tier$'), type: 'aws:ec2/subnet:Subnet', inputs: { vpcId: { [SIG]: '5cf8f73096256a8f31e491e813e4eb8e', urn: urn(VPC, 'main') } } },
        { urn: urn('aws:ec2/subnet:Subnet', 'a', 'my:net:Other$'), type: 'aws:ec2/subnet:Subnet', inputs: {} },
      ],
    },
  };
  const { resources, diagnostics } = loadPulumiDocument(document, '/stack.json');

  it('keeps the AWS resources the mapping reads, as Terraform types, and drops the stack and deleted ones', () => {
    expect(diagnostics).toEqual([]);
    expect(resources.map((r) => `${r.address} ${r.type}`)).toEqual([
      `${VPC}::main aws_vpc`,
      `${SG}::web aws_security_group`,
      `${INSTANCE}::web aws_instance`,
      `${urn('aws:ec2/subnet:Subnet', 'a', 'my:net:Tier$')} aws_subnet`,
      `${urn('aws:ec2/subnet:Subnet', 'a', 'my:net:Other$')} aws_subnet`,
    ]);
    expect(resources[0]?.location).toEqual({ file: '/stack.json' });
  });

  it('writes property names in snake case, block lists in their Terraform names, and keeps tag keys', () => {
    const ingress = value(resources, `${SG}::web`, 'ingress') as Array<Record<string, Value>>;
    expect(ingress[0]).toEqual({ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [] });
    expect(value(resources, `${SG}::web`, 'tags')).toEqual({ costCenter: 'portal', Zone: 'dmz' });
    expect(value(resources, `${INSTANCE}::web`, 'ebs_block_device')).toEqual([{ device_name: '/dev/sdf', volume_size: 20 }]);
    expect(value(resources, `${INSTANCE}::web`, 'network_interface')).toBeDefined();
  });

  it('turns a known id of another resource into a reference, and leaves ids of resources elsewhere literal', () => {
    expect(refOf(value(resources, `${SG}::web`, 'vpc_id'))).toEqual({ address: `${VPC}::main`, attribute: 'id' });
    const groups = value(resources, `${INSTANCE}::web`, 'vpc_security_group_ids') as Value[];
    expect(refOf(groups[0])).toEqual({ address: `${SG}::web`, attribute: 'id' });
    expect(groups[1]).toBe('sg-elsewhere');
  });

  it('reads secrets with plaintext, keeps encrypted ones unknown, and follows resource references', () => {
    expect(value(resources, `${INSTANCE}::web`, 'user_data')).toBe('#!/bin/bash');
    expect(isUnknown(value(resources, `${INSTANCE}::web`, 'key_name'))).toBe(true);
    const subnet = resources[3]!;
    expect(refOf(subnet.body.attributes['vpc_id']?.value)).toEqual({ address: `${VPC}::main`, attribute: 'id' });
  });
});

describe('loading a preview', () => {
  const dbUrn = urn(SG, 'db');
  const document = {
    steps: [
      { op: 'create', urn: urn(VPC, 'main'), newState: { type: VPC, inputs: { cidrBlock: '10.0.0.0/16' } } },
      { op: 'create', urn: dbUrn, newState: { type: SG, inputs: { vpcId: UNKNOWN_PLACEHOLDER }, propertyDependencies: { vpcId: [urn(VPC, 'main')] } } },
      { op: 'create', urn: urn(SG, 'app'), newState: { type: SG, inputs: {} } },
      {
        op: 'create',
        urn: urn(INSTANCE, 'app'),
        newState: {
          type: INSTANCE,
          inputs: { vpcSecurityGroupIds: [UNKNOWN_PLACEHOLDER, UNKNOWN_PLACEHOLDER], subnetId: UNKNOWN_PLACEHOLDER },
          propertyDependencies: { vpcSecurityGroupIds: [urn(SG, 'app'), dbUrn] },
        },
      },
      { op: 'delete', urn: urn(SG, 'old'), oldState: { type: SG, inputs: {} } },
      { op: 'replace', urn: urn(SG, 'app'), newState: { type: SG, inputs: { name: 'second' } } },
      { op: 'read', urn: urn(VPC, 'shared'), newState: { type: VPC, inputs: {}, outputs: { id: 'vpc-shared' } } },
    ],
  };
  const { resources } = loadPulumiDocument(document, '/preview.json');

  it('skips deleted resources, keeps the last state of a replaced one, and reads `read` steps as data', () => {
    expect(resources.map((r) => `${r.address} ${r.mode}`).sort()).toEqual(
      [`${VPC}::main managed`, `${SG}::db managed`, `${SG}::app managed`, `${INSTANCE}::app managed`, `${VPC}::shared data`].sort(),
    );
    expect(value(resources, `${SG}::app`, 'name')).toBe('second');
  });

  it('links placeholders to the resources the property depends on, in order for lists', () => {
    expect(refOf(value(resources, `${SG}::db`, 'vpc_id'))).toEqual({ address: `${VPC}::main`, attribute: 'id' });
    const groups = value(resources, `${INSTANCE}::app`, 'vpc_security_group_ids') as Value[];
    expect(groups.map(refOf)).toEqual([
      { address: `${SG}::app`, attribute: 'id' },
      { address: `${SG}::db`, attribute: 'id' },
    ]);
  });

  it('leaves a placeholder without dependencies unknown, with no reference', () => {
    const subnet = value(resources, `${INSTANCE}::app`, 'subnet_id');
    expect(isUnknown(subnet)).toBe(true);
    expect(refOf(subnet)).toBeUndefined();
    expect((subnet as Unknown).reason).toMatch(/unknown during preview/);
  });
});

describe('bad input', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'zoneguard-pulumi-load-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ['not JSON', '{"steps": [', 'parse-error'],
    ['a Terraform plan', '{"format_version": "1.2", "resource_changes": []}', 'unsupported-format'],
    ['a newer stack export', '{"version": 9, "deployment": {"resources": []}}', 'unsupported-format'],
  ])('reports %s as a diagnostic that names the file', async (_what, text, code) => {
    const file = join(folder, `${code}-${text.length}.json`);
    await writeFile(file, text);
    const loaded = await loadPulumi(file);
    expect(loaded.resources).toEqual([]);
    expect(loaded.diagnostics).toMatchObject([{ code, severity: 'error', location: { file } }]);
    expect(loaded.diagnostics[0]?.hint).toMatch(/pulumi (preview --json|stack export)/);
  });

  it('reports a missing file as file-unreadable', async () => {
    const loaded = await loadPulumi(join(folder, 'missing.json'));
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['file-unreadable']);
  });

  it('reads a file with a byte order mark', async () => {
    const file = join(folder, 'bom.json');
    await writeFile(file, `\uFEFF${JSON.stringify({ steps: [{ op: 'create', urn: urn(VPC, 'v'), newState: { type: VPC, inputs: {} } }] })}`);
    expect((await loadPulumi(file)).resources.map((r) => r.address)).toEqual([`${VPC}::v`]);
  });
});
