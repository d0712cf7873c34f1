import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/engine/run.ts';
import { emptyModel } from '../../../src/model/types.ts';
import type { Host } from '../../../src/model/types.ts';
import { Unknown } from '../../../src/model/unknown.ts';
import { originAt } from '../fixtures.ts';
import { builtInPack } from '../harness.ts';
import { ruleTable } from './engine-table.ts';

function server(tags: string, extra = ''): string {
  return `# file server
# with one data disk
resource "aws_instance" "file_server" {
  ami           = "ami-444"
  instance_type = "m5.large"
  tags          = ${tags}
  # zoneguard:ignore storage-raid -- a comment inside the block
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 500
  }
}
${extra}`;
}

/** A vSphere VM with one `disk` block per label; the first is the boot disk. */
function vsphereVm(labels: string[]): string {
  const disks = labels.map((label, unit) => `  disk {\n    label       = "${label}"\n    size        = 40\n    unit_number = ${unit}\n  }\n`);
  return `resource "vsphere_virtual_machine" "files" {\n  name             = "files-1"\n  resource_pool_id = "resgroup-1"\n${disks.join('')}}\n`;
}

ruleTable('storage-raid', {
  // The AWS mapping drops tags with unknown values, so `raid-unknown` is covered below on a built model.
  coveredElsewhere: ['raid-unknown'],
  valid: [
    { name: 'RAID 10 on four disks', hcl: server('{ RaidLevel = "10", RaidDisks = "4" }') },
    { name: 'RAID 1 written as raid1', hcl: server('{ RAID = "raid1", RaidDisks = "2" }') },
    {
      name: 'root device only',
      hcl: 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  root_block_device {\n    volume_size = 20\n  }\n}\n',
    },
    {
      name: 'vSphere VM with only its boot disk',
      hcl: vsphereVm(['disk0']),
    },
    {
      name: 'provider replication accepted by config',
      hcl: server('{}'),
      config: { rules: { 'storage-raid': { parameters: { acceptProviderReplication: true } } } },
    },
  ],
  invalid: [
    {
      name: 'vSphere VM with a data disk',
      hcl: vsphereVm(['disk0', 'disk1']),
      expected: [{ messageId: 'raid-missing', address: 'vsphere_virtual_machine.files', line: 1, data: { volumes: 'disk[1]' } }],
    },
    {
      name: 'no evidence anchored on the resource header',
      hcl: server('{ Name = "files" }'),
      expected: [
        {
          messageId: 'raid-missing',
          address: 'aws_instance.file_server',
          line: 3,
          data: { volumes: 'ebs_block_device[0]' },
          restsOn: ['acceptProviderReplication'],
        },
      ],
    },
    {
      name: 'attached EBS volume without evidence',
      hcl: `resource "aws_instance" "db" {
  ami = "ami-1"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_volume_attachment" "data" {
  device_name = "/dev/sdh"
  volume_id   = aws_ebs_volume.data.id
  instance_id = aws_instance.db.id
}
`,
      expected: [{ messageId: 'raid-missing', address: 'aws_instance.db', line: 1, data: { volumes: 'aws_ebs_volume.data' } }],
    },
    {
      name: 'RAID 0 gives no redundancy',
      hcl: server('{ RaidLevel = "0", RaidDisks = "2" }'),
      expected: [{ messageId: 'raid-no-redundancy', address: 'aws_instance.file_server', line: 6, data: { level: 'RAID 0', attribute: 'tags' } }],
    },
    {
      name: 'RAID 5 on two disks',
      hcl: server('{ RaidLevel = "RAID 5", RaidDisks = "2" }'),
      expected: [{ messageId: 'raid-disks-too-few', address: 'aws_instance.file_server', line: 6, data: { level: 'RAID 5', disks: 2, minimum: 3 } }],
    },
    {
      name: 'RAID 10 on an odd count',
      hcl: server('{ RaidLevel = "raid10", RaidDisks = "5" }'),
      expected: [{ messageId: 'raid-disks-odd', address: 'aws_instance.file_server', data: { disks: 5 } }],
    },
    {
      name: 'RAID 6 without a disk count',
      hcl: server('{ RaidLevel = "6" }'),
      expected: [{ messageId: 'raid-disks-missing', address: 'aws_instance.file_server', data: { level: 'RAID 6' } }],
    },
    {
      name: 'unrecognised level',
      hcl: server('{ RaidLevel = "mirror", RaidDisks = "2" }'),
      expected: [{ messageId: 'raid-level-unknown', address: 'aws_instance.file_server', data: { level: 'mirror' } }],
    },
  ],
});

describe('storage-raid on a built model', () => {
  it('reports a RAID level that is unknown until apply', async () => {
    const model = emptyModel();
    const origin = originAt('aws_instance.files', '/repo/main.tf', 1);
    const host: Host = {
      id: 'aws_instance.files',
      name: 'files',
      kind: 'instance',
      segmentIds: [],
      firewallSetIds: [],
      addresses: [],
      publicAddress: false,
      roles: [],
      services: [],
      sourceDestCheck: true,
      tags: {},
      origin,
    };
    model.hosts.push(host);
    model.volumes.push({
      id: 'aws_instance.files/ebs_block_device[0]',
      hostId: host.id,
      raid: { level: new Unknown('input variable with no value', 'var.raid_level'), disks: 4 },
      tags: {},
      origin,
      path: 'ebs_block_device[0]',
    });
    const { findings } = runRules({
      model,
      reachability: { flows: [], unevaluated: [], matrix: [] },
      pack: await builtInPack(),
      language: 'en',
      ruleIds: ['storage-raid'],
      strict: true,
    });
    expect(findings.map((finding) => [finding.messageId, finding.status])).toEqual([['raid-unknown', 'unknown']]);
    expect(findings[0]?.message).toContain('input variable with no value');
  });
});
