import { ZONE_KINDS, type ZoneKind } from '../types.ts';

/**
 * Words that name a zone in tags and configuration, besides the zone kinds
 * themselves. Keys are in the folded form of `foldZoneWord`.
 */
const ZONE_ALIASES: Record<string, ZoneKind> = {
  mgmt: 'management',
  admin: 'management',
  management: 'management',
  oob: 'management',
  wifi: 'user-wireless',
  wireless: 'user-wireless',
  wlan: 'user-wireless',
  guest: 'user-wireless',
  users: 'user-wired',
  lan: 'user-wired',
  office: 'user-wired',
  wired: 'user-wired',
  vendor: 'partner',
  partner: 'partner',
  '3rdparty': 'partner',
  thirdparty: 'partner',
  egress: 'internet-access',
  proxy: 'internet-access',
  internet: 'internet-access',
  outbound: 'internet-access',
  dmz: 'dmz',
  public: 'dmz',
  web: 'dmz',
  edge: 'dmz',
  perimeter: 'dmz',
  internal: 'internal',
  private: 'internal',
  app: 'internal',
  data: 'internal',
  db: 'internal',
  database: 'internal',
  intra: 'internal',
  backend: 'internal',
  servers: 'internal',
};

/** Lower case without `-`, `_` and spaces, so `Internet_Access` and `internet-access` match. */
export function foldZoneWord(text: string): string {
  return text.trim().toLowerCase().replace(/[-_\s]+/g, '');
}

const BY_FOLDED = new Map<string, ZoneKind>([
  ...ZONE_KINDS.map((zone): [string, ZoneKind] => [foldZoneWord(zone), zone]),
  ...Object.entries(ZONE_ALIASES),
]);

/** The zone kind a tag or config value names, or undefined for an unknown word. */
export function zoneFromWord(text: string): ZoneKind | undefined {
  return BY_FOLDED.get(foldZoneWord(text));
}

/** Tag keys that carry a zone, in the order they are read. */
export const ZONE_TAG_KEYS = ['Zone', 'zone', 'NetworkZone'] as const;
