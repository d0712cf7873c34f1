import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IpSet } from '../../../../src/analysis/net/ip-set.ts';
import { FunctionError } from '../../../../src/loaders/terraform/functions/types.ts';
import type { Value } from '../../../../src/loaders/terraform/types.ts';
import { callFunction } from './call-function.ts';

describe('network functions', () => {
  it.each<[string, Value[], Value]>([
    ['cidrsubnet', ['172.16.0.0/12', 4, 2], '172.18.0.0/16'],
    ['cidrsubnet', ['10.1.2.0/24', 4, 15], '10.1.2.240/28'],
    ['cidrsubnet', ['fd00:fd12:3456:7890::/56', 16, 162], 'fd00:fd12:3456:7800:a200::/72'],
    ['cidrsubnet', ['10.0.0.0/16', '8', '3'], '10.0.3.0/24'],
    ['cidrsubnet', ['10.0.0.0/16', 0, 0], '10.0.0.0/16'],
    ['cidrhost', ['10.12.112.0/20', 16], '10.12.112.16'],
    ['cidrhost', ['10.12.112.0/20', 268], '10.12.113.12'],
    ['cidrhost', ['fd00:fd12:3456:7800:a200::/72', 34], 'fd00:fd12:3456:7800:a200::22'],
    ['cidrhost', ['10.0.0.0/24', -1], '10.0.0.255'],
    ['cidrnetmask', ['172.16.0.0/12'], '255.240.0.0'],
    ['cidrnetmask', ['10.0.0.0/32'], '255.255.255.255'],
    [
      'cidrsubnets',
      ['10.1.0.0/16', 4, 4, 8, 4],
      ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20'],
    ],
    [
      'cidrsubnets',
      ['fd00:fd12:3456:7890::/56', 16, 16, 16, 32],
      [
        'fd00:fd12:3456:7800::/72',
        'fd00:fd12:3456:7800:100::/72',
        'fd00:fd12:3456:7800:200::/72',
        'fd00:fd12:3456:7800:300::/88',
      ],
    ],
    ['cidrsubnets', ['10.0.0.0/24', 2, 1], ['10.0.0.0/26', '10.0.0.128/25']],
    ['cidrsubnets', ['0.0.0.0/0', 1, 1], ['0.0.0.0/1', '128.0.0.0/1']],
  ])('%s(%j) is %j', (name, args, expected) => {
    expect(callFunction(name, ...args)).toEqual(expected);
  });

  it.each<[string, Value[], string]>([
    ['cidrsubnet', ['10.0.0.0/33', 8, 1], 'prefix length 33 is out of range 0-32'],
    ['cidrsubnet', ['10.0.0.0/16', 17, 1], 'cannot extend a /16 prefix by 17 bits'],
    ['cidrsubnet', ['10.0.0.0/24', 2, 4], 'no subnet number 4'],
    ['cidrsubnet', ['10.0.0.0/24', 2, -1], 'no subnet number -1'],
    ['cidrsubnet', ['10.0.0.0/24', 'two', 1], 'newbits'],
    ['cidrhost', ['10.0.0.0/30', 4], 'no host number 4'],
    ['cidrnetmask', ['fd00::/64'], 'only for IPv4'],
    ['cidrsubnets', ['10.0.0.0/24', 1, 1, 1], 'no room is left for a /25 subnet after 10.0.0.128/25'],
  ])('%s(%j) fails naming %s', (name, args, fragment) => {
    expect(() => callFunction(name, ...args)).toThrow(FunctionError);
    expect(() => callFunction(name, ...args)).toThrow(fragment);
    expect(() => callFunction(name, ...args)).toThrow(`${name}()`);
  });

  it('keeps every cidrsubnet inside its prefix', () => {
    const calls = fc.tuple(
      fc.ipV4(),
      fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 8 }),
      fc.nat(),
    );
    fc.assert(
      fc.property(calls, ([address, prefix, newbits, seed]) => {
        const base = `${address}/${prefix}`;
        const netnum = seed % 2 ** newbits;
        const subnet = callFunction('cidrsubnet', base, newbits, netnum) as string;
        expect(subnet.endsWith(`/${prefix + newbits}`)).toBe(true);
        expect(IpSet.fromCidrs([base]).contains(IpSet.fromCidrs([subnet]))).toBe(true);
      }),
    );
  });

  it('allocates disjoint cidrsubnets', () => {
    const sizes = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(sizes, (newbits) => {
        let subnets: string[];
        try {
          subnets = callFunction('cidrsubnets', '10.0.0.0/16', ...newbits) as string[];
        } catch (error) {
          expect(error).toBeInstanceOf(FunctionError);
          return;
        }
        const total = subnets.reduce((sum, cidr) => sum + IpSet.fromCidrs([cidr]).size(4), 0n);
        expect(IpSet.fromCidrs(subnets).size(4)).toBe(total);
      }),
    );
  });
});

describe('cidrhost host bits', () => {
  it('drops host bits of the prefix', () => {
    expect(callFunction('cidrhost', 'fd00:fd12:3456:7890:00a2::/72', 34)).toBe(
      'fd00:fd12:3456:7890::22',
    );
  });
});
