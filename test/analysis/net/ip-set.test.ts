import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IpSet, InvalidCidrError } from '../../../src/analysis/net/ip-set.ts';
import { PRIVATE_SPACE, publicSpace } from '../../../src/analysis/net/well-known.ts';

/** Random sets built from a few CIDRs of both families. */
const ipSets = fc
  .array(
    fc.oneof(
      fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })),
      fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })),
      // Small nearby prefixes so that sets overlap and touch often.
      fc.tuple(
        fc.integer({ min: 0, max: 255 }).map((octet) => `10.0.${octet}.0`),
        fc.integer({ min: 20, max: 26 }),
      ),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => IpSet.fromCidrs(pairs.map(([address, prefix]) => `${address}/${prefix}`)));

describe('IpSet laws', () => {
  it('splits a set by another and rejoins it', () => {
    fc.assert(
      fc.property(ipSets, ipSets, (a, b) => {
        expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.subtract(b).overlaps(b)).toBe(false);
      }),
    );
  });

  it('commutes union and intersection', () => {
    fc.assert(
      fc.property(ipSets, ipSets, (a, b) => {
        expect(a.union(b).equals(b.union(a))).toBe(true);
        expect(a.intersect(b).equals(b.intersect(a))).toBe(true);
      }),
    );
  });

  it('distributes intersection over union', () => {
    fc.assert(
      fc.property(ipSets, ipSets, ipSets, (a, b, c) => {
        const left = a.intersect(b.union(c));
        const right = a.intersect(b).union(a.intersect(c));
        expect(left.equals(right)).toBe(true);
      }),
    );
  });

  it('keeps containment consistent', () => {
    fc.assert(
      fc.property(ipSets, ipSets, (a, b) => {
        expect(a.union(b).contains(a)).toBe(true);
        expect(a.contains(a.intersect(b))).toBe(true);
        expect(a.contains(b)).toBe(b.subtract(a).isEmpty());
      }),
    );
  });

  it('round-trips through toCidrs', () => {
    fc.assert(
      fc.property(ipSets, (set) => {
        expect(IpSet.fromCidrs(set.toCidrs()).equals(set)).toBe(true);
      }),
    );
  });

  it('keeps sizes additive', () => {
    fc.assert(
      fc.property(ipSets, ipSets, (a, b) => {
        for (const family of [4, 6] as const) {
          const total = a.union(b).size(family) + a.intersect(b).size(family);
          expect(total).toBe(a.size(family) + b.size(family));
        }
      }),
    );
  });
});

describe('IpSet examples', () => {
  it.each(['::/0', '0::/0', '0:0:0:0:0:0:0:0/0'])('treats %s as all of IPv6', (cidr) => {
    const set = IpSet.fromCidrs([cidr]);
    expect(set.coversFamily(6)).toBe(true);
    expect(set.coversFamily(4)).toBe(false);
  });

  it('covers IPv4 with two /1 halves', () => {
    const set = IpSet.fromCidrs(['0.0.0.0/1', '128.0.0.0/1']);
    expect(set.coversFamily(4)).toBe(true);
    expect(set.toCidrs()).toEqual(['0.0.0.0/0']);
  });

  it('keeps a /23 with host bits narrow', () => {
    const set = IpSet.fromCidrs(['203.0.113.128/23']);
    expect(set.toCidrs()).toEqual(['203.0.112.0/23']);
    expect(set.coversFamily(4)).toBe(false);
    expect(set.size(4)).toBe(512n);
  });

  it('treats a host-bit /24 as its network', () => {
    const mgmt = IpSet.fromCidrs(['10.50.0.0/24']);
    const sources = IpSet.fromCidrs(['10.50.0.10/32', '10.50.0.200/24']);
    expect(mgmt.contains(sources)).toBe(true);
  });

  it('throws InvalidCidrError for /33', () => {
    expect(() => IpSet.fromCidrs(['10.0.0.0/33'])).toThrow(InvalidCidrError);
    try {
      IpSet.fromCidrs(['10.0.0.0/33']);
    } catch (error) {
      expect((error as InvalidCidrError).value).toBe('10.0.0.0/33');
      expect((error as InvalidCidrError).message).toContain('prefix length 33 is out of range 0-32');
    }
  });

  it('splits a range into minimal CIDRs', () => {
    const set = IpSet.fromCidrs(['10.0.0.0/24']).subtract(IpSet.fromCidrs(['10.0.0.0/32']));
    expect(set.toCidrs()).toEqual([
      '10.0.0.1/32',
      '10.0.0.2/31',
      '10.0.0.4/30',
      '10.0.0.8/29',
      '10.0.0.16/28',
      '10.0.0.32/27',
      '10.0.0.64/26',
      '10.0.0.128/25',
    ]);
  });

  it('builds both families for all()', () => {
    expect(IpSet.all().toCidrs()).toEqual(['0.0.0.0/0', '::/0']);
    expect(IpSet.all(4).toCidrs()).toEqual(['0.0.0.0/0']);
    expect(IpSet.empty().isEmpty()).toBe(true);
    expect(IpSet.all().families()).toEqual([4, 6]);
  });
});

describe('well-known spaces', () => {
  it.each(['10.1.2.0/24', '172.31.0.0/16', '192.168.1.1', '100.64.0.0/10', 'fd00::/8', '::1'])(
    'counts %s as private',
    (cidr) => {
      const set = IpSet.fromCidrs([cidr]);
      expect(PRIVATE_SPACE.contains(set)).toBe(true);
      expect(publicSpace().overlaps(set)).toBe(false);
    },
  );

  it.each(['203.0.112.0/23', '8.8.8.8', '172.32.0.0/16', '2001:db8::/32'])(
    'counts %s as public',
    (cidr) => {
      const set = IpSet.fromCidrs([cidr]);
      expect(publicSpace().contains(set)).toBe(true);
    },
  );

  it('partitions every address into private and public', () => {
    expect(PRIVATE_SPACE.union(publicSpace()).equals(IpSet.all())).toBe(true);
    expect(PRIVATE_SPACE.overlaps(publicSpace())).toBe(false);
  });
});
