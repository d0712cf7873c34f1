import type { PortRange } from '../../model/types.ts';
import {
  countIntervals,
  intersectIntervals,
  intervalsEqual,
  normalizeIntervals,
  subtractIntervals,
  unionIntervals,
  type Interval,
} from './intervals.ts';

export const MAX_PORT = 65535;

/** An immutable set of ports 0..65535, kept as sorted disjoint ranges. */
export class PortSet {
  private constructor(private readonly intervals: readonly Interval[]) {}

  static empty(): PortSet {
    return new PortSet([]);
  }

  static all(): PortSet {
    return PortSet.of([{ from: 0, to: MAX_PORT }]);
  }

  /** Builds the union of the ranges; throws RangeError for a range outside 0..65535 or reversed. */
  static of(ranges: readonly PortRange[]): PortSet {
    for (const range of ranges) checkRange(range);
    const intervals = ranges.map((range) => ({ first: BigInt(range.from), last: BigInt(range.to) }));
    return new PortSet(normalizeIntervals(intervals));
  }

  static single(port: number): PortSet {
    return PortSet.of([{ from: port, to: port }]);
  }

  union(other: PortSet): PortSet {
    return new PortSet(unionIntervals(this.intervals, other.intervals));
  }

  intersect(other: PortSet): PortSet {
    return new PortSet(intersectIntervals(this.intervals, other.intervals));
  }

  subtract(other: PortSet): PortSet {
    return new PortSet(subtractIntervals(this.intervals, other.intervals));
  }

  isEmpty(): boolean {
    return this.intervals.length === 0;
  }

  has(port: number): boolean {
    const value = BigInt(port);
    return this.intervals.some((interval) => interval.first <= value && value <= interval.last);
  }

  /** True when every port of `other` is in this set. */
  contains(other: PortSet): boolean {
    return other.subtract(this).isEmpty();
  }

  equals(other: PortSet): boolean {
    return intervalsEqual(this.intervals, other.intervals);
  }

  ranges(): PortRange[] {
    return this.intervals.map((interval) => ({
      from: Number(interval.first),
      to: Number(interval.last),
    }));
  }

  count(): number {
    return Number(countIntervals(this.intervals));
  }

  /** `"20-23, 3389"`; `"all ports"` for the whole range and `"no ports"` when empty. */
  toString(): string {
    if (this.equals(PortSet.all())) return 'all ports';
    if (this.isEmpty()) return 'no ports';
    return this.ranges().map(formatPortRange).join(', ');
  }
}

export function formatPortRange(range: PortRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

function checkRange(range: PortRange): void {
  const valid =
    Number.isInteger(range.from) &&
    Number.isInteger(range.to) &&
    range.from >= 0 &&
    range.to <= MAX_PORT &&
    range.from <= range.to;
  if (!valid) {
    throw new RangeError(`Port range ${range.from}-${range.to} is not within 0-${MAX_PORT}.`);
  }
}


export type ParsedPortSpec = { ok: true; ranges: PortRange[] } | { ok: false; error: string };

/**
 * Parses a port setting as providers write it: a number, a numeric string,
 * `"a-b"`, `"*"` for every port, or a list of these (Azure NSG's plural
 * `destination_port_ranges`). The ranges come back merged and sorted; an empty
 * list is no ports. Unknown values must be handled by the caller first.
 */
export function parsePortSpec(value: unknown): ParsedPortSpec {
  const items = Array.isArray(value) ? value : [value];
  let ports = PortSet.empty();
  for (const item of items) {
    const parsed = parsePortItem(item);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    ports = ports.union(PortSet.of([parsed]));
  }
  return { ok: true, ranges: ports.ranges() };
}

/** Returns the range, or an error sentence naming the value. */
function parsePortItem(item: unknown): PortRange | string {
  if (typeof item === 'number') return portNumberRange(item, String(item));
  if (typeof item !== 'string') {
    return `Port value ${describe(item)} is not a port number, a range "a-b" or "*".`;
  }
  const text = item.trim();
  if (text === '*') return { from: 0, to: MAX_PORT };
  if (/^\d+$/.test(text)) return portNumberRange(Number(text), item);
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(text);
  if (range === null) {
    return `Port range "${item}" is invalid: expected a port number, a range "a-b" or "*".`;
  }
  const from = Number(range[1]);
  const to = Number(range[2]);
  if (from > MAX_PORT || to > MAX_PORT) {
    return `Port range "${item}" is invalid: ports must be within 0-${MAX_PORT}.`;
  }
  if (from > to) return `Port range "${item}" is invalid: ${from} is greater than ${to}.`;
  return { from, to };
}

function portNumberRange(port: number, written: string): PortRange | string {
  if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) {
    return `Port "${written}" is invalid: ports must be whole numbers within 0-${MAX_PORT}.`;
  }
  return { from: port, to: port };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return JSON.stringify(value) ?? String(value);
}
