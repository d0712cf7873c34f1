import type { EvaluatedBody, ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { SourceLocation } from '../../location.ts';
import type { RaidEvidence, Volume } from '../../types.ts';
import { attr, elements, nested, num, origin, tags } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/** EBS volumes, their attachments, and block devices written inside an instance. */

const RAID_LEVEL_KEYS = ['RAID', 'raid', 'RaidLevel', 'raid_level', 'Raid'] as const;
const RAID_DISK_KEYS = ['RaidDisks', 'raid_disks', 'RAIDDisks'] as const;

/**
 * RAID evidence from tags: `RAID = "raid10"`, `RaidLevel = "RAID 5"`, with an
 * optional disk count in `RaidDisks`. Levels are kept as `raid10`, `raid5`.
 */
export function raidFromTags(volumeTags: Record<string, string>, location?: SourceLocation): RaidEvidence | undefined {
  const key = RAID_LEVEL_KEYS.find((candidate) => volumeTags[candidate] !== undefined);
  if (key === undefined) return undefined;
  const written = volumeTags[key]!;
  const level = written.toLowerCase().replace(/[\s_-]+/g, '');
  const raid: RaidEvidence = { level: /^\d+$/.test(level) ? `raid${level}` : level };
  const disksKey = RAID_DISK_KEYS.find((candidate) => volumeTags[candidate] !== undefined);
  const disks = disksKey === undefined ? NaN : Number(volumeTags[disksKey]);
  if (Number.isInteger(disks)) raid.disks = disks;
  if (location !== undefined) raid.location = location;
  return raid;
}

function volumeOf(
  id: string,
  body: EvaluatedBody,
  volumeOrigin: Volume['origin'],
  path: string,
  location: SourceLocation,
): Volume {
  const volumeTags = tags(body);
  const volume: Volume = { id, tags: volumeTags, origin: volumeOrigin, path };
  const size = num(body, 'size') ?? num(body, 'volume_size');
  if (size !== undefined) volume.sizeGb = size;
  const raid = raidFromTags(volumeTags, attr(body, 'tags')?.location ?? location);
  if (raid !== undefined) volume.raid = raid;
  return volume;
}

/** Volumes of the `ebs_block_device` and `root_block_device` blocks of an instance. */
export function blockDeviceVolumes(instance: ResourceInstance): Volume[] {
  const instanceOrigin = origin(instance);
  const volumes: Volume[] = [];
  for (const name of ['root_block_device', 'ebs_block_device']) {
    for (const block of nested(instance.body, name)) {
      const id = `${instance.address}/${block.path}`;
      const volume = volumeOf(id, block.body, instanceOrigin, block.path, block.location);
      volume.hostId = instance.address;
      volumes.push(volume);
    }
  }
  return volumes;
}

function mapVolume(instance: ResourceInstance, context: MappingContext): void {
  const volume = volumeOf(instance.address, instance.body, origin(instance), '', instance.location);
  context.model.volumes.push(volume);
}

function mapVolumeAttachment(instance: ResourceInstance, context: MappingContext): void {
  const volumeElement = elements(instance.body, 'volume_id')[0];
  const hostElement = elements(instance.body, 'instance_id')[0];
  context.afterMapping('resolve', () => {
    if (volumeElement === undefined || hostElement === undefined) return;
    const volumeId = resolveReference(referenceOf(volumeElement), 'volume', context);
    const hostId = resolveReference(referenceOf(hostElement), 'host', context);
    const volume = context.model.volumes.find((candidate) => candidate.id === volumeId);
    if (volume !== undefined && hostId !== undefined) volume.hostId = hostId;
  });
}

export const storageMappers: Record<string, ResourceMapper> = {
  aws_ebs_volume: mapVolume,
  aws_volume_attachment: mapVolumeAttachment,
};
