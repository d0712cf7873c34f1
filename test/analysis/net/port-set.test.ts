import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PortSet, parsePortSpec } from '../../../src/analysis/net/port-set.ts';

const portRanges = fc
  .tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }))
  .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
const portSets = fc.array(portRanges, { maxLength: 5 }).map((ranges) => PortSet.of(ranges));

describe('PortSet laws', () => {
  it('splits a set by another and rejoins it', () => {
    fc.assert(
      fc.property(portSets, portSets, (a, b) => {
        expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.subtract(b).intersect(b).isEmpty()).toBe(true);
      }),
    );
  });

  it('keeps counts additive', () => {
    fc.assert(
      fc.property(portSets, portSets, (a, b) => {
        expect(a.union(b).count() + a.intersect(b).count()).toBe(a.count() + b.count());
      }),
    );
  });

  it('agrees with has() on single ports', () => {
    fc.assert(
      fc.property(portSets, fc.integer({ min: 0, max: 65535 }), (set, port) => {
        expect(set.has(port)).toBe(set.contains(PortSet.single(port)));
        expect(set.union(PortSet.single(port)).has(port)).toBe(true);
      }),
    );
  });

  it('round-trips through ranges()', () => {
    fc.assert(
      fc.property(portSets, (set) => {
        expect(PortSet.of(set.ranges()).equals(set)).toBe(true);
      }),
    );
  });
});

describe('PortSet examples', () => {
  it('formats ranges and singles', () => {
    const set = PortSet.of([
      { from: 3389, to: 3389 },
      { from: 22, to: 23 },
      { from: 20, to: 21 },
    ]);
    expect(set.toString()).toBe('20-23, 3389');
    expect(set.count()).toBe(5);
  });

  it('names the whole range', () => {
    expect(PortSet.all().toString()).toBe('all ports');
    expect(PortSet.all().count()).toBe(65536);
    expect(PortSet.empty().toString()).toBe('no ports');
  });

  it('rejects ranges outside 0-65535', () => {
    expect(() => PortSet.of([{ from: 0, to: 70000 }])).toThrow(RangeError);
    expect(() => PortSet.of([{ from: 5, to: 3 }])).toThrow(RangeError);
  });
});

describe('parsePortSpec', () => {
  it.each([
    [53, [{ from: 53, to: 53 }]],
    ['53', [{ from: 53, to: 53 }]],
    [' 8080 ', [{ from: 8080, to: 8080 }]],
    ['5985-5986', [{ from: 5985, to: 5986 }]],
    ['*', [{ from: 0, to: 65535 }]],
    [
      ['20-23', '3389', '8443'],
      [
        { from: 20, to: 23 },
        { from: 3389, to: 3389 },
        { from: 8443, to: 8443 },
      ],
    ],
    [['22', 23, '20-21'], [{ from: 20, to: 23 }]],
    [[], []],
  ])('parses %j', (value, ranges) => {
    expect(parsePortSpec(value)).toEqual({ ok: true, ranges });
  });

  it.each([
    ['22-', '"22-"'],
    ['70000', '"70000"'],
    ['5-3', '"5-3"'],
    [-5, '"-5"'],
    [22.5, '"22.5"'],
    ['ssh', '"ssh"'],
    [['22', '22-'], '"22-"'],
    [null, 'null'],
    [true, 'true'],
  ])('rejects %j naming the value', (value, named) => {
    const parsed = parsePortSpec(value);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain(named);
    expect(parsed.error).toMatch(/\.$/);
  });
});
