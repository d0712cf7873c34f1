import { describe, expect, it } from 'vitest';
import type { ZoneguardConfig } from '../../src/engine/config.ts';
import { buildModel } from '../../src/model/build.ts';
import { zoneFromWord } from '../../src/model/zones/aliases.ts';
import { listZones } from '../../src/model/zones/listing.ts';
import { ref, resource } from './resource.ts';

function zoneOf(attributes: Record<string, unknown>, config?: ZoneguardConfig, address = 'aws_subnet.s') {
  const model = buildModel([resource(address, { vpc_id: 'vpc-1', ...attributes })], { config });
  return model.segments[0]!.zone;
}

describe('zone aliases', () => {
  const table: Array<[string, string | undefined]> = [
    ['mgmt', 'management'],
    ['OOB', 'management'],
    ['Wi-Fi', 'user-wireless'],
    ['guest', 'user-wireless'],
    ['office', 'user-wired'],
    ['3rd-party', 'partner'],
    ['Internet_Access', 'internet-access'],
    ['egress', 'internet-access'],
    ['perimeter', 'dmz'],
    ['DMZ', 'dmz'],
    ['back end', 'internal'],
    ['user wired', 'user-wired'],
    ['banana', undefined],
  ];
  it.each(table)('%s → %s', (word, zone) => {
    expect(zoneFromWord(word)).toBe(zone);
  });
});

describe('zone classification', () => {
  it('reads a Zone tag', () => {
    const zone = zoneOf({ cidr_block: '10.0.0.0/24', tags: { Zone: 'mgmt' } });
    expect(zone.zone).toBe('management');
    expect(zone.candidates).toEqual([{ zone: 'management', source: 'tag', evidence: 'tag Zone = "mgmt"' }]);
  });

  it('prefers explicit config over a tag', () => {
    const config: ZoneguardConfig = { zones: { segments: { 'aws_subnet.s': 'dmz' } } };
    const zone = zoneOf({ tags: { Zone: 'internal' } }, config);
    expect(zone.zone).toBe('dmz');
    expect(zone.candidates.map((candidate) => candidate.zone)).toEqual(['dmz', 'internal']);
  });

  it('prefers a tag over config ranges and names', () => {
    const config: ZoneguardConfig = { zones: { cidrs: [{ cidr: '10.0.0.0/16', zone: 'dmz' }] } };
    expect(zoneOf({ cidr_block: '10.0.1.0/24', tags: { NetworkZone: 'internal' } }, config).zone).toBe('internal');
  });

  it('maps a segment inside a configured range', () => {
    const config: ZoneguardConfig = { zones: { cidrs: [{ cidr: '10.0.0.0/16', zone: 'partner' }] } };
    const zone = zoneOf({ cidr_block: '10.0.1.0/24' }, config);
    expect(zone.zone).toBe('partner');
    expect(zone.candidates[0]!.evidence).toBe('config cidr 10.0.0.0/16');
    expect(zoneOf({ cidr_block: '10.1.1.0/24' }, config).zone).toBeUndefined();
  });

  it('matches config name globs case-insensitively', () => {
    const config: ZoneguardConfig = { zones: { names: [{ pattern: 'VENDOR-*', zone: 'partner' }] } };
    expect(zoneOf({ tags: { Name: 'vendor-link-a' } }, config).zone).toBe('partner');
  });

  it('prefers config ranges over name guesses', () => {
    const config: ZoneguardConfig = { zones: { cidrs: [{ cidr: '10.0.0.0/8', zone: 'internal' }] } };
    const zone = zoneOf({ cidr_block: '10.0.1.0/24' }, config, 'aws_subnet.public');
    expect(zone.zone).toBe('internal');
    expect(zone.candidates.map((candidate) => candidate.source)).toEqual(['config', 'name']);
  });

  it('guesses from names and says so', () => {
    const zone = zoneOf({}, undefined, 'aws_subnet.public_a');
    expect(zone.zone).toBe('dmz');
    expect(zone.candidates[0]).toEqual({
      zone: 'dmz',
      source: 'name',
      evidence: "name 'public' (inferred; confirm with a Zone tag)",
    });
    expect(zoneOf({}, undefined, 'aws_subnet.this["bastion"]').zone).toBe('management');
  });

  it('turns name guesses off', () => {
    const config: ZoneguardConfig = { zones: { nameHeuristics: false } };
    const zone = zoneOf({}, config, 'aws_subnet.public_a');
    expect(zone.zone).toBeUndefined();
    expect(zone.candidates).toEqual([]);
  });

  it('leaves two tagged zones undecided and visible', () => {
    const zone = zoneOf({ tags: { Zone: 'dmz', zone: 'internal' } });
    expect(zone.zone).toBeUndefined();
    expect(zone.candidates.map((candidate) => candidate.zone)).toEqual(['dmz', 'internal']);
  });

  it('decides when two tags agree', () => {
    expect(zoneOf({ tags: { Zone: 'mgmt', NetworkZone: 'management' } }).zone).toBe('management');
  });

  it('keeps a misspelt zone tag', () => {
    const zone = zoneOf({ tags: { Zone: 'intrenal' } }, undefined, 'aws_subnet.d');
    expect(zone.zone).toBeUndefined();
    expect(zone.candidates).toEqual([]);
    expect(zone.unknownTags).toEqual([
      { key: 'Zone', value: 'intrenal', evidence: 'tag Zone = "intrenal" (not a zone kind)' },
    ]);
  });

  it('keeps no unknown tag for a known word', () => {
    expect(zoneOf({ tags: { Zone: 'mgmt' } }).unknownTags).toBeUndefined();
  });
});

describe('zone listing', () => {
  it('groups segments by site with evidence', () => {
    const model = buildModel([
      resource('aws_vpc.main', { cidr_block: '10.0.0.0/16' }),
      resource('aws_subnet.a', { vpc_id: ref('data.aws_vpc.shared'), cidr_block: '10.0.1.0/24', tags: { Zone: 'dmz' } }),
      resource('aws_subnet.b', { vpc_id: 'vpc-1', cidr_block: '10.1.1.0/24' }),
      resource('aws_subnet.c', { vpc_id: 'vpc-1', cidr_block: '10.1.2.0/24', tags: { Zone: 'internal' } }),
    ]);
    const listing = listZones(model);
    expect(listing.map((site) => site.site)).toEqual(['aws_vpc.main', 'vpc-1', '(no site)']);
    expect(listing[1]!.segments.map((segment) => segment.address)).toEqual(['aws_subnet.b', 'aws_subnet.c']);
    expect(listing[1]!.segments[1]).toMatchObject({
      zone: 'internal',
      source: 'tag',
      evidence: ['tag Zone = "internal"'],
      cidrs: ['10.1.2.0/24'],
    });
    expect(listing[2]!.segments[0]!.zone).toBe('dmz');
  });
  it('lists a misspelt zone tag as evidence', () => {
    const model = buildModel([
      resource('aws_subnet.d', { vpc_id: 'vpc-1', cidr_block: '10.1.4.0/24', tags: { Zone: 'intrenal' } }),
    ]);
    const segment = listZones(model)[0]!.segments[0]!;
    expect(segment.zone).toBeUndefined();
    expect(segment.evidence).toEqual(['tag Zone = "intrenal" (not a zone kind)']);
  });
});
