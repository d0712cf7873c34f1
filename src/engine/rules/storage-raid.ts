import { isUnknown } from '../../model/unknown.ts';
import type { Host } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext, RuleReport } from '../types.ts';
import type { Unknown } from '../../model/unknown.ts';
import {
  dataVolumesOf,
  hostEvidence,
  isCloudBlockStorage,
  volumeEvidence,
  volumeName,
} from './storage-raid/evidence.ts';
import type { PlacedEvidence } from './storage-raid/evidence.ts';
import { judgeLevel } from './storage-raid/levels.ts';
import type { LevelRequirement } from './storage-raid/levels.ts';

/**
 * Servers with data volumes carry RAID evidence (`RaidLevel`/`RAID` and
 * `RaidDisks` tags on the server or the volume), and the level and disk count
 * give redundancy. Provider-replicated block storage counts as redundant only
 * when `acceptProviderReplication` is set.
 */
export default defineRule({
  id: 'storage-raid',
  check(context) {
    const acceptReplication = context.meta.parameters['acceptProviderReplication'] === true;
    for (const host of context.model.hosts) {
      if (host.kind !== 'instance') continue;
      const volumes = dataVolumesOf(host, context.model);
      if (volumes.length === 0) continue;
      const onHost = hostEvidence(host);
      const evidence = [onHost, ...volumes.map(volumeEvidence)].filter(
        (placed): placed is PlacedEvidence => placed !== undefined,
      );
      const uncovered = volumes.filter(
        (volume) =>
          !onHost && !volume.raid && !(acceptReplication && isCloudBlockStorage(volume)),
      );
      if (uncovered.length > 0) reportMissing(context, host, uncovered.map(volumeName));
      evidence.forEach((placed) => checkEvidence(context, host, placed));
    }
  },
});

/** Missing evidence has no attribute to point at, so the finding sits on the resource header. */
function reportMissing(context: RuleContext, host: Host, volumes: string[]): void {
  context.report({
    status: 'fail',
    messageId: 'raid-missing',
    data: { server: host.id, volumes: volumes.join(', ') },
    address: host.id,
    origin: host.origin,
    location: host.origin.location,
    detail: 'raid-missing',
    restsOn: ['acceptProviderReplication'],
  });
}

type ReportBase = Pick<RuleReport, 'address' | 'origin' | 'location'>;

/** Checks one piece of RAID evidence: a known level with redundancy and a disk count that fits it. */
function checkEvidence(context: RuleContext, host: Host, placed: PlacedEvidence): void {
  const base: ReportBase = { address: host.id, origin: host.origin, location: placed.location };
  const { level, disks } = placed.raid;
  if (isUnknown(level)) {
    reportUnknown(context, base, { server: host.id, attribute: placed.attribute }, level);
    return;
  }
  const verdict = judgeLevel(level);
  const data = { server: host.id, attribute: placed.attribute, level: verdict.level };
  const detail = `${placed.attribute}:${verdict.level}`;
  if (verdict.kind !== 'redundant') {
    const messageId = verdict.kind === 'no-redundancy' ? 'raid-no-redundancy' : 'raid-level-unknown';
    context.report({ ...base, status: 'fail', messageId, data, detail });
  } else if (disks === undefined) {
    context.report({ ...base, status: 'fail', messageId: 'raid-disks-missing', data, detail });
  } else if (isUnknown(disks)) {
    reportUnknown(context, base, data, disks);
  } else {
    checkDiskCount(context, { ...base, data, detail }, disks, verdict.requirement);
  }
}

function reportUnknown(
  context: RuleContext,
  base: ReportBase,
  data: { server: string; attribute: string },
  unknown: Unknown,
): void {
  context.report({
    ...base,
    status: 'unknown',
    messageId: 'raid-unknown',
    data: { ...data, reason: unknown.reason },
    detail: `raid-unknown:${data.attribute}`,
    unknown,
  });
}

function checkDiskCount(
  context: RuleContext,
  finding: ReportBase & { data: Record<string, string | number>; detail: string },
  disks: number,
  requirement: LevelRequirement,
): void {
  const detail = `${finding.detail}:${disks}`;
  if (disks < requirement.minimum) {
    const data = { ...finding.data, disks, minimum: requirement.minimum };
    context.report({ ...finding, status: 'fail', messageId: 'raid-disks-too-few', data, detail });
  } else if (requirement.even && disks % 2 !== 0) {
    const data = { ...finding.data, disks };
    context.report({ ...finding, status: 'fail', messageId: 'raid-disks-odd', data, detail });
  }
}
