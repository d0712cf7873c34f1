/** A backup section that meets every backup rule; tests flip one field. */
export const FULL_BACKUP = `backup:
  stores:
    tapes: { site: dc, publicAccess: false, accessRoles: [backup-operators] }
  standbyNetwork: true
  spareEquipment: true
  highSpeedLinks: true
  capacitySufficient: true
  restoreTestSystem: true
  fireResistantMediaStorage: true
  spareStorageDevices: true`;

/** FULL_BACKUP with `field: true` replaced by `field: false`, or the line removed. */
export function backupWith(field: string, value: 'false' | 'absent'): string {
  const line = FULL_BACKUP.split('\n').find((candidate) => candidate.trim().startsWith(`${field}:`));
  if (line === undefined) throw new Error(`no ${field} in the backup section`);
  if (value === 'false') return FULL_BACKUP.replace(line, line.replace('true', 'false'));
  return FULL_BACKUP.split('\n').filter((candidate) => candidate !== line).join('\n');
}
