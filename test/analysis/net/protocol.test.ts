import { describe, expect, it } from 'vitest';
import type { Protocol } from '../../../src/model/types.ts';
import {
  InvalidPortRangeError,
  effectivePorts,
  normalizeProtocol,
  protocolHasPorts,
  protocolLabel,
} from '../../../src/analysis/net/protocol.ts';

describe('normalizeProtocol', () => {
  it.each<[unknown, Protocol]>([
    ['-1', 'all'],
    [-1, 'all'],
    ['all', 'all'],
    ['ALL', 'all'],
    ['*', 'all'],
    [6, 'tcp'],
    ['6', 'tcp'],
    ['tcp', 'tcp'],
    ['Tcp', 'tcp'],
    ['TCP', 'tcp'],
    [17, 'udp'],
    ['17', 'udp'],
    ['Udp', 'udp'],
    [1, 'icmp'],
    ['Icmp', 'icmp'],
    [58, 'icmpv6'],
    ['icmpv6', 'icmpv6'],
    ['47', { number: 47 }],
    [47, { number: 47 }],
    [0, { number: 0 }],
    ['Esp', { number: 50 }],
  ])('normalises %j', (value, expected) => {
    expect(normalizeProtocol(value)).toEqual(expected);
  });

  it.each([256, -2, 6.5, 'http', '', null, undefined, true, ['tcp']])(
    'rejects %j',
    (value) => {
      expect(normalizeProtocol(value)).toBeUndefined();
    },
  );
});

describe('protocol labels', () => {
  it.each<[Protocol, string, boolean]>([
    ['tcp', 'tcp', true],
    ['udp', 'udp', true],
    ['all', 'all protocols', true],
    ['icmp', 'icmp', false],
    ['icmpv6', 'icmpv6', false],
    [{ number: 47 }, 'protocol 47', false],
  ])('labels %j', (protocol, label, hasPorts) => {
    expect(protocolLabel(protocol)).toBe(label);
    expect(protocolHasPorts(protocol)).toBe(hasPorts);
  });
});

describe('effectivePorts', () => {
  it('ignores ports for all protocols', () => {
    expect(effectivePorts('all', 8080, 8080)).toEqual([{ from: 0, to: 65535 }]);
    expect(effectivePorts('all', 0, 0)).toEqual([{ from: 0, to: 65535 }]);
  });

  it('uses from..to for tcp and udp', () => {
    expect(effectivePorts('tcp', 22, 22)).toEqual([{ from: 22, to: 22 }]);
    expect(effectivePorts('udp', 3389, 3389)).toEqual([{ from: 3389, to: 3389 }]);
    expect(effectivePorts('tcp', 0, 65535)).toEqual([{ from: 0, to: 65535 }]);
  });

  it('reads -1 as the end of the range', () => {
    expect(effectivePorts('tcp', -1, -1)).toEqual([{ from: 0, to: 65535 }]);
    expect(effectivePorts('tcp', undefined, undefined)).toEqual([{ from: 0, to: 65535 }]);
  });

  it('gives no ports to icmp and gre', () => {
    expect(effectivePorts('icmp', -1, -1)).toEqual([]);
    expect(effectivePorts('icmp', 8, 0)).toEqual([]);
    expect(effectivePorts({ number: 47 }, 0, 0)).toEqual([]);
  });

  it('throws for reversed or out-of-range ports', () => {
    expect(() => effectivePorts('tcp', 23, 22)).toThrow(InvalidPortRangeError);
    expect(() => effectivePorts('tcp', 0, 70000)).toThrow(/0-70000/);
  });
});
