import {
  addressBits,
  cidrRange,
  formatAddress,
  formatCidr,
  parseCidr,
  prefixMask,
  type Cidr,
} from '../../../analysis/net/address.ts';
import { defineFunction, type FunctionCall } from './call.ts';
import type { TerraformFunction } from './types.ts';

/** Reads a CIDR argument; like Terraform, host bits are dropped. */
function cidrArgument(call: FunctionCall, index: number): Cidr {
  const parsed = parseCidr(call.string(index));
  if (!parsed.ok) return call.fail(index, parsed.error.replace(/\.$/, ''));
  return parsed.cidr;
}

const cidrsubnet = defineFunction(
  'cidrsubnet',
  { params: ['prefix', 'newbits', 'netnum'] },
  (call) => {
    const base = cidrArgument(call, 0);
    const newbits = call.integer(1);
    const netnum = call.integer(2);
    const bits = addressBits(base.family);
    const prefix = base.prefix + newbits;
    if (newbits < 0 || prefix > bits) {
      call.fail(1, `cannot extend a /${base.prefix} prefix by ${newbits} bits`);
    }
    if (netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) {
      call.fail(2, `a ${newbits}-bit extension has no subnet number ${netnum}`);
    }
    const network = base.network | (BigInt(netnum) << BigInt(bits - prefix));
    return formatCidr({ family: base.family, network, prefix });
  },
);

const cidrhost = defineFunction('cidrhost', { params: ['prefix', 'hostnum'] }, (call) => {
  const base = cidrArgument(call, 0);
  const hostnum = BigInt(call.integer(1));
  const { first, last } = cidrRange(base);
  const size = last - first + 1n;
  // A negative host number counts back from the end of the prefix, as in Terraform.
  const offset = hostnum < 0n ? size + hostnum : hostnum;
  if (offset < 0n || offset >= size) {
    call.fail(1, `prefix ${formatCidr(base)} has no host number ${hostnum}`);
  }
  return formatAddress(base.family, first + offset);
});

const cidrnetmask = defineFunction('cidrnetmask', { params: ['prefix'] }, (call) => {
  const base = cidrArgument(call, 0);
  if (base.family !== 4) call.fail(0, 'netmasks exist only for IPv4 prefixes');
  return formatAddress(4, prefixMask(4, base.prefix));
});

/**
 * Allocates consecutive subnets of the given sizes, each aligned to its own
 * size, in argument order, following Terraform's cidrsubnets algorithm.
 */
const cidrsubnets = defineFunction(
  'cidrsubnets',
  { params: ['prefix'], variadic: 'newbits' },
  (call) => {
    const base = cidrArgument(call, 0);
    const bits = BigInt(addressBits(base.family));
    const modulus = 1n << bits;
    const { first, last } = cidrRange(base);
    const subnets: string[] = [];
    let next = first;
    for (let index = 1; index < call.count; index++) {
      const newbits = call.integer(index);
      const prefix = base.prefix + newbits;
      if (newbits < 0 || prefix > Number(bits)) {
        call.fail(index, `cannot extend a /${base.prefix} prefix by ${newbits} bits`);
      }
      const size = 1n << (bits - BigInt(prefix));
      // Round up to the next boundary of this subnet size.
      const start = ((next + size - 1n) / size) * size;
      if (start < next || start + size - 1n > last || start >= modulus) {
        const after = subnets.at(-1) ?? 'the start of the prefix';
        call.fail(index, `no room is left for a /${prefix} subnet after ${after}`);
      }
      subnets.push(formatCidr({ family: base.family, network: start, prefix }));
      next = start + size;
    }
    return subnets;
  },
);

export const NETWORK_FUNCTIONS: Record<string, TerraformFunction> = {
  cidrhost,
  cidrnetmask,
  cidrsubnet,
  cidrsubnets,
};
