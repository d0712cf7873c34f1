import {
  addressBits,
  cidrRange,
  formatCidr,
  parseCidr,
  type Cidr,
  type IpFamily,
} from './address.ts';
import {
  countIntervals,
  intersectIntervals,
  intervalsEqual,
  normalizeIntervals,
  subtractIntervals,
  unionIntervals,
  type Interval,
} from './intervals.ts';

/** A CIDR string that could not be parsed; `reason` is a full sentence naming it. */
export class InvalidCidrError extends Error {
  override name = 'InvalidCidrError';
  constructor(
    readonly value: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

type IntervalOperation = (a: readonly Interval[], b: readonly Interval[]) => Interval[];

/**
 * An immutable set of IPv4 and IPv6 addresses, kept per family as sorted
 * disjoint intervals, so set questions ("is this the whole internet?") are exact
 * whatever the CIDRs were written like.
 */
export class IpSet {
  private constructor(
    private readonly v4: readonly Interval[],
    private readonly v6: readonly Interval[],
  ) {}

  static empty(): IpSet {
    return new IpSet([], []);
  }

  /** Every address of `family`, or of both families when it is omitted. */
  static all(family?: IpFamily): IpSet {
    const v4 = family === 6 ? [] : [familyInterval(4)];
    const v6 = family === 4 ? [] : [familyInterval(6)];
    return new IpSet(v4, v6);
  }

  /** Builds the union of the CIDRs; throws InvalidCidrError on the first invalid string. */
  static fromCidrs(cidrs: ReadonlyArray<string | Cidr>): IpSet {
    const v4: Interval[] = [];
    const v6: Interval[] = [];
    for (const written of cidrs) {
      const cidr = typeof written === 'string' ? parseOrThrow(written) : written;
      (cidr.family === 4 ? v4 : v6).push(cidrRange(cidr));
    }
    return new IpSet(normalizeIntervals(v4), normalizeIntervals(v6));
  }

  /** The inclusive address range `first..last` of one family. */
  static fromRange(family: IpFamily, first: bigint, last: bigint): IpSet {
    const range = first <= last ? [{ first, last }] : [];
    return family === 4 ? new IpSet(range, []) : new IpSet([], range);
  }

  union(other: IpSet): IpSet {
    return this.combine(other, unionIntervals);
  }

  intersect(other: IpSet): IpSet {
    return this.combine(other, intersectIntervals);
  }

  subtract(other: IpSet): IpSet {
    return this.combine(other, subtractIntervals);
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  /** True when every address of `other` is in this set. */
  contains(other: IpSet): boolean {
    return other.subtract(this).isEmpty();
  }

  overlaps(other: IpSet): boolean {
    return !this.intersect(other).isEmpty();
  }

  coversFamily(family: IpFamily): boolean {
    return this.contains(IpSet.all(family));
  }

  /** Lists the families that have at least one address in the set. */
  families(): IpFamily[] {
    const families: IpFamily[] = [];
    if (this.v4.length > 0) families.push(4);
    if (this.v6.length > 0) families.push(6);
    return families;
  }

  equals(other: IpSet): boolean {
    return intervalsEqual(this.v4, other.v4) && intervalsEqual(this.v6, other.v6);
  }

  /** Splits the set into the smallest number of canonical CIDRs, IPv4 first, each family ascending. */
  toCidrs(): string[] {
    const v4 = this.v4.flatMap((interval) => intervalToCidrs(4, interval));
    const v6 = this.v6.flatMap((interval) => intervalToCidrs(6, interval));
    return [...v4, ...v6].map(formatCidr);
  }

  /** Counts the addresses of `family` in the set. */
  size(family: IpFamily): bigint {
    return countIntervals(family === 4 ? this.v4 : this.v6);
  }

  toString(): string {
    const cidrs = this.toCidrs();
    return cidrs.length === 0 ? 'no addresses' : cidrs.join(', ');
  }

  private combine(other: IpSet, operation: IntervalOperation): IpSet {
    return new IpSet(operation(this.v4, other.v4), operation(this.v6, other.v6));
  }
}

function parseOrThrow(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new InvalidCidrError(text, parsed.error);
  return parsed.cidr;
}

function familyInterval(family: IpFamily): Interval {
  return { first: 0n, last: (1n << BigInt(addressBits(family))) - 1n };
}

/**
 * Splits an interval into the fewest aligned prefixes: at each step take the
 * largest block that starts at `first`, is aligned to its size and still fits.
 */
function intervalToCidrs(family: IpFamily, interval: Interval): Cidr[] {
  const bits = addressBits(family);
  const cidrs: Cidr[] = [];
  let first = interval.first;
  while (first <= interval.last) {
    let hostBits = 0;
    while (hostBits < bits && canGrow(first, interval.last, hostBits + 1)) hostBits++;
    cidrs.push({ family, network: first, prefix: bits - hostBits });
    first += 1n << BigInt(hostBits);
  }
  return cidrs;
}

function canGrow(first: bigint, last: bigint, hostBits: number): boolean {
  const size = 1n << BigInt(hostBits);
  return first % size === 0n && first + size - 1n <= last;
}
