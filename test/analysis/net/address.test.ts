import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cidrRange,
  formatAddress,
  formatCidr,
  parseAddress,
  parseCidr,
} from '../../../src/analysis/net/address.ts';

function canonical(text: string): string {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.canonical;
}

function errorOf(text: string): string {
  const parsed = parseCidr(text);
  if (parsed.ok) throw new Error(`${text} parsed as ${parsed.canonical}`);
  return parsed.error;
}

describe('parseAddress', () => {
  it.each([
    ['0.0.0.0', 4, 0n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['10.1.2.3', 4, 0x0a010203n],
    ['::', 6, 0n],
    ['0::', 6, 0n],
    ['0:0:0:0:0:0:0:0', 6, 0n],
    ['::1', 6, 1n],
    ['2001:DB8::1', 6, 0x20010db8000000000000000000000001n],
    ['::ffff:1.2.3.4', 6, 0xffff01020304n],
    ['1:2:3:4:5:6:7::', 6, 0x00010002000300040005000600070000n],
  ])('parses %s', (text, family, value) => {
    expect(parseAddress(text)).toEqual({ family, value });
  });

  it.each([
    '256.0.0.1',
    '10.0.0',
    '10.0.0.01',
    '1.2.3.4.5',
    '::1::',
    ':::',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    'fe80::1%eth0',
    '12345::',
    'g::',
    '',
    '::1.2.3',
    '1.2.3.4::',
  ])('rejects %s', (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });

  it('treats IPv6 spellings of one address as equal', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const parsed = parseAddress(text);
        expect(parsed).toBeDefined();
        const reparsed = parseAddress(formatAddress(6, parsed!.value));
        expect(reparsed).toEqual(parsed);
        expect(parseAddress(text.toUpperCase())).toEqual(parsed);
      }),
    );
  });

  it('parses every IPv4 address fast-check generates', () => {
    fc.assert(
      fc.property(fc.ipV4(), (text) => {
        const parsed = parseAddress(text);
        expect(parsed?.family).toBe(4);
        expect(formatAddress(4, parsed!.value)).toBe(text);
      }),
    );
  });
});

describe('parseCidr', () => {
  it.each([
    ['10.50.0.200/24', '10.50.0.0/24', true],
    ['203.0.113.128/23', '203.0.112.0/23', true],
    ['10.50.0.0/24', '10.50.0.0/24', false],
    ['  10.0.0.1  ', '10.0.0.1/32', false],
    ['::/0', '::/0', false],
    ['0::/0', '::/0', false],
    ['0:0:0:0:0:0:0:0/0', '::/0', false],
    ['2001:DB8:0:0:1::1/64', '2001:db8::/64', true],
    ['2001:db8::1', '2001:db8::1/128', false],
    ['::ffff:10.0.0.0/104', '::ffff:10.0.0.0/104', false],
    ['2001:db8:0:1:1:1:1:1/128', '2001:db8:0:1:1:1:1:1/128', false],
    ['1:0:0:1:0:0:0:1/128', '1:0:0:1::1/128', false],
  ])('normalises %s to %s', (text, expected, hadHostBits) => {
    const parsed = parseCidr(text);
    expect(parsed).toMatchObject({ ok: true, canonical: expected, hadHostBits });
  });

  it('rejects prefix 33 with the range', () => {
    const error = errorOf('10.0.0.0/33');
    expect(error).toContain('prefix length 33 is out of range 0-32');
    expect(error).toContain('"10.0.0.0/33"');
  });

  it('rejects prefix 129 for IPv6', () => {
    expect(errorOf('::/129')).toContain('prefix length 129 is out of range 0-128');
  });

  it.each(['10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/a', 'not-an-address/8', '300.1.1.1/8', ''])(
    'rejects %j',
    (text) => {
      expect(errorOf(text)).toMatch(/is not a valid CIDR/);
    },
  );

  it('canonicalises idempotently', () => {
    const anyCidr = fc.oneof(
      fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })),
      fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })),
    );
    fc.assert(
      fc.property(anyCidr, ([address, prefix]) => {
        const once = parseCidr(`${address}/${prefix}`);
        expect(once.ok).toBe(true);
        if (!once.ok) return;
        const twice = parseCidr(once.canonical);
        expect(twice).toMatchObject({ ok: true, canonical: once.canonical, hadHostBits: false });
        expect(formatCidr(once.cidr)).toBe(once.canonical);
      }),
    );
  });
});

describe('cidrRange', () => {
  it('covers a /23 with 512 addresses', () => {
    const parsed = parseCidr('203.0.112.0/23');
    if (!parsed.ok) throw new Error(parsed.error);
    const range = cidrRange(parsed.cidr);
    expect(formatAddress(4, range.first)).toBe('203.0.112.0');
    expect(formatAddress(4, range.last)).toBe('203.0.113.255');
  });

  it('covers all of IPv6 for ::/0', () => {
    const parsed = parseCidr('::/0');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(cidrRange(parsed.cidr)).toEqual({ first: 0n, last: (1n << 128n) - 1n });
  });
});
