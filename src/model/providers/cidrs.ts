import { parseCidr } from '../../analysis/net/address.ts';
import type { EvaluatedBody } from '../../loaders/terraform/types.ts';
import { isUnknown, type Unknown } from '../unknown.ts';
import { elements } from './body.ts';
import type { MappingContext } from './context.ts';
import { cidrPeer } from './rule-parts.ts';

/** The address ranges of a network or segment, read from several attributes. */
export interface RangeList {
  /** Canonical CIDRs. */
  cidrs: string[];
  /** The first range that could not be read, when any. */
  unknown?: Unknown;
}

/**
 * Reads the CIDRs of `names` (`cidr_block`, `ipv6_cidr_block`). Invalid and
 * non-canonical ranges are diagnosed the same way as rule peers.
 */
export function readRanges(
  body: EvaluatedBody,
  names: readonly string[],
  context: MappingContext,
  subject: string,
): RangeList {
  const result: RangeList = { cidrs: [] };
  for (const name of names) {
    for (const element of elements(body, name)) {
      const peer = cidrPeer(element, context, subject);
      if (peer.kind === 'cidr') result.cidrs.push(peer.cidr);
      else if (peer.kind === 'unknown') result.unknown ??= peer.unknown;
    }
  }
  return result;
}

/** True when `inner` lies inside `outer`; false when either is not a valid CIDR. */
export function cidrWithin(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  if (!a.ok || !b.ok || a.cidr.family !== b.cidr.family) return false;
  if (a.cidr.prefix < b.cidr.prefix) return false;
  const shift = BigInt((a.cidr.family === 4 ? 32 : 128) - b.cidr.prefix);
  return a.cidr.network >> shift === b.cidr.network >> shift;
}

export function isKnownText(value: unknown): value is string {
  return typeof value === 'string' && !isUnknown(value);
}
