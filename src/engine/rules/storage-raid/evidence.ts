import { locate } from '../../../model/location.ts';
import type { SourceLocation } from '../../../model/location.ts';
import type { Host, InfrastructureModel, RaidEvidence, Volume } from '../../../model/types.ts';
import { raidFromTags } from '../../../model/providers/aws/storage.ts';

/** RAID evidence with the attribute it was written in. */
export interface PlacedEvidence {
  raid: RaidEvidence;
  attribute: string;
  location: SourceLocation;
}

/** Lists a host's data volumes: attached volumes and block devices other than the boot device. */
export function dataVolumesOf(host: Host, model: InfrastructureModel): Volume[] {
  return model.volumes.filter((volume) => volume.hostId === host.id && !isBootDevice(host, volume));
}

/**
 * True for the device the server boots from: an AWS `root_block_device`, or
 * the first `disk` block of a vSphere virtual machine, which holds the guest
 * operating system that the VM's template cloned.
 * NOTE: vSphere boots from the disk with `unit_number = 0`; this reads the
 * first block as that disk, as the provider's examples write it.
 */
function isBootDevice(host: Host, volume: Volume): boolean {
  if (volume.path.startsWith('root_block_device')) return true;
  return /(^|\.)vsphere_virtual_machine\./.test(host.origin.address) && volume.path === 'disk[0]';
}

/**
 * Reads RAID tags written on the server itself.
 * NOTE: the model has no RAID field on hosts, so this rule reads the host's
 * tags with the AWS mapping's tag reader. A `Host.raid` field would remove it.
 */
export function hostEvidence(host: Host): PlacedEvidence | undefined {
  const location = locate(host.origin, 'tags');
  const raid = raidFromTags(host.tags, location);
  return raid && { raid, attribute: 'tags', location: raid.location ?? location };
}

/** RAID tags written on the volume or block device. */
export function volumeEvidence(volume: Volume): PlacedEvidence | undefined {
  if (!volume.raid) return undefined;
  const attribute = volume.path === '' ? `${volume.id}.tags` : `${volume.path}.tags`;
  const location = volume.raid.location ?? locate(volume.origin, volume.path || undefined);
  return { raid: volume.raid, attribute, location };
}

/** Block storage that the cloud provider replicates (EBS, managed disks, persistent disks). */
export function isCloudBlockStorage(volume: Volume): boolean {
  return /(^|\.)(aws|azurerm|google)_/.test(volume.origin.address);
}

/** Names a volume for messages: `ebs_block_device[0]` or the volume's address. */
export function volumeName(volume: Volume): string {
  return volume.path === '' ? volume.id : volume.path;
}
