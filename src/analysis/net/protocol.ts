import type { PortRange, Protocol } from '../../model/types.ts';
import { MAX_PORT } from './port-set.ts';

/** IANA protocol numbers of the protocols that have a name in the model. */
const NAMED_BY_NUMBER: Record<number, Protocol> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6' };

/**
 * Protocol names as AWS, Azure and Google Cloud write them, lower-cased. Names
 * without a model name map to their IANA number.
 */
const BY_NAME: Record<string, Protocol> = {
  '-1': 'all',
  all: 'all',
  any: 'all',
  '*': 'all',
  tcp: 'tcp',
  udp: 'udp',
  icmp: 'icmp',
  icmpv6: 'icmpv6',
  'ipv6-icmp': 'icmpv6',
  gre: { number: 47 },
  esp: { number: 50 },
  ah: { number: 51 },
  sctp: { number: 132 },
  ipip: { number: 4 },
};

/** Normalises a written protocol; returns undefined when it names no protocol. */
export function normalizeProtocol(value: unknown): Protocol | undefined {
  if (typeof value === 'number') return protocolFromNumber(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (/^\d+$/.test(text)) return protocolFromNumber(Number(text));
  return Object.hasOwn(BY_NAME, text) ? BY_NAME[text] : undefined;
}

function protocolFromNumber(value: number): Protocol | undefined {
  if (value === -1) return 'all';
  if (!Number.isInteger(value) || value < 0 || value > 255) return undefined;
  return NAMED_BY_NUMBER[value] ?? { number: value };
}

/** True for the protocols whose rules select ports: tcp, udp, and all (which includes both). */
export function protocolHasPorts(protocol: Protocol): boolean {
  return protocol === 'all' || protocol === 'tcp' || protocol === 'udp';
}

/** `"tcp"`, `"all protocols"`, `"protocol 47"`. */
export function protocolLabel(protocol: Protocol): string {
  if (protocol === 'all') return 'all protocols';
  if (typeof protocol === 'string') return protocol;
  return `protocol ${protocol.number}`;
}

export function protocolsEqual(a: Protocol, b: Protocol): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.number === b.number;
}

/** A from/to port pair that no provider accepts; the message names both values. */
export class InvalidPortRangeError extends Error {
  override name = 'InvalidPortRangeError';
}

/**
 * Computes the ports a rule covers. AWS ignores from/to when the protocol is all, and for
 * other protocols without ports they are ICMP type and code, which never match a
 * port. For tcp and udp, `-1` (or a missing value) at either end stands for the
 * end of the range. Throws InvalidPortRangeError for a tcp or udp range outside
 * 0..65535 or with `from` above `to`.
 */
export function effectivePorts(protocol: Protocol, from?: number, to?: number): PortRange[] {
  if (protocol === 'all') return [{ from: 0, to: MAX_PORT }];
  if (protocol !== 'tcp' && protocol !== 'udp') return [];
  const first = from === undefined || from === -1 ? 0 : from;
  const last = to === undefined || to === -1 ? MAX_PORT : to;
  const valid =
    Number.isInteger(first) &&
    Number.isInteger(last) &&
    first >= 0 &&
    last <= MAX_PORT &&
    first <= last;
  if (!valid) {
    throw new InvalidPortRangeError(
      `Port range ${from}-${to} is invalid for ${protocol}: ports must be within 0-${MAX_PORT} with from_port not above to_port.`,
    );
  }
  return [{ from: first, to: last }];
}
