/** The disk count a RAID level needs; RAID 0 is absent because it has no redundancy. */
export interface LevelRequirement {
  minimum: number;
  even: boolean;
}

const REDUNDANT_LEVELS: Record<string, LevelRequirement> = {
  '1': { minimum: 2, even: false },
  '5': { minimum: 3, even: false },
  '6': { minimum: 4, even: false },
  '10': { minimum: 4, even: true },
};

export type LevelVerdict =
  | { kind: 'redundant'; level: string; requirement: LevelRequirement }
  | { kind: 'no-redundancy'; level: string }
  | { kind: 'unrecognised'; level: string };

/**
 * Reads a RAID level as the model keeps it (`raid10`, `raid1+0`, `5`) and
 * says whether it gives redundancy.
 */
export function judgeLevel(written: string): LevelVerdict {
  const number = written.toLowerCase().replace(/^raid/, '').replace('1+0', '10');
  if (number === '0') return { kind: 'no-redundancy', level: 'RAID 0' };
  const requirement = REDUNDANT_LEVELS[number];
  if (requirement) return { kind: 'redundant', level: `RAID ${number}`, requirement };
  return { kind: 'unrecognised', level: written };
}
