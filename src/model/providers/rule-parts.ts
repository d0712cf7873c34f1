import { parseCidr } from '../../analysis/net/address.ts';
import { effectivePorts, InvalidPortRangeError, normalizeProtocol } from '../../analysis/net/protocol.ts';
import type { Value } from '../../loaders/terraform/types.ts';
import type { SourceLocation } from '../location.ts';
import type { Peer, PortRange, Protocol } from '../types.ts';
import { isUnknown, Unknown, type Known } from '../unknown.ts';
import type { Element } from './body.ts';
import type { MappingContext } from './context.ts';

/**
 * Parts of firewall rules that every provider reads the same way: CIDR peers,
 * protocols and port ranges. Invalid values become diagnostics plus an Unknown,
 * so the rule is reported as not evaluated instead of being dropped.
 */

/** Reads one written CIDR into a peer; `subject` is the resource address. */
export function cidrPeer(
  element: Element,
  context: MappingContext,
  subject: string,
): Peer {
  const { value, location } = element;
  if (isUnknown(value)) return { kind: 'unknown', unknown: value, location };
  if (typeof value !== 'string') {
    const written = JSON.stringify(value);
    return invalidCidrPeer(written, `${written} is not a CIDR string`, location, context, subject);
  }
  const parsed = parseCidr(value);
  if (!parsed.ok) return invalidCidrPeer(value, parsed.error, location, context, subject);
  if (parsed.hadHostBits) {
    context.diagnose({
      code: 'non-canonical-cidr',
      severity: 'info',
      message: `CIDR "${value}" has host bits set; it is read as ${parsed.canonical}.`,
      hint: `Write ${parsed.canonical} to say what the provider will use.`,
      location,
      subject,
    });
  }
  return { kind: 'cidr', cidr: parsed.canonical, written: value, location };
}

function invalidCidrPeer(
  written: string,
  error: string,
  location: SourceLocation,
  context: MappingContext,
  subject: string,
): Peer {
  context.diagnose({
    code: 'invalid-cidr',
    severity: 'error',
    message: `${subject}: ${error}`,
    hint: 'Fix the prefix; the rule is not evaluated until its address is valid.',
    location,
    subject,
  });
  const unknown = new Unknown(`invalid CIDR ${JSON.stringify(written)}`, written);
  return { kind: 'unknown', unknown, location };
}

/** Reads a protocol; an unrecognised one is an `invalid-protocol` diagnostic and an Unknown. */
export function readProtocol(
  value: Known<string> | undefined,
  location: SourceLocation,
  context: MappingContext,
  subject: string,
): Known<Protocol> {
  if (value === undefined) return new Unknown('protocol not set', 'protocol');
  if (isUnknown(value)) return value;
  const protocol = normalizeProtocol(value);
  if (protocol !== undefined) return protocol;
  context.diagnose({
    code: 'invalid-protocol',
    severity: 'error',
    message: `${subject}: protocol "${value}" is not a protocol name or number 0-255.`,
    hint: 'Use tcp, udp, icmp, icmpv6, -1 (all) or an IANA protocol number.',
    location,
    subject,
  });
  return new Unknown(`invalid protocol "${value}"`, value);
}

/** Reads a from/to pair into ranges, honouring protocols that ignore ports. */
export function readPortPair(
  protocol: Known<Protocol>,
  from: Known<number> | undefined,
  to: Known<number> | undefined,
  location: SourceLocation,
  context: MappingContext,
  subject: string,
): Known<PortRange[]> {
  if (isUnknown(protocol)) return protocol;
  if (protocol === 'all') return effectivePorts('all');
  if (protocol !== 'tcp' && protocol !== 'udp') return [];
  if (isUnknown(from)) return from;
  if (isUnknown(to)) return to;
  try {
    return effectivePorts(protocol, from, to);
  } catch (error) {
    if (!(error instanceof InvalidPortRangeError)) throw error;
    return invalidPorts(`${from ?? ''}-${to ?? ''}`, error.message, location, context, subject);
  }
}

export function invalidPorts(
  written: string,
  message: string,
  location: SourceLocation,
  context: MappingContext,
  subject: string,
): Unknown {
  context.diagnose({
    code: 'invalid-port-range',
    severity: 'error',
    message: `${subject}: ${message}`,
    hint: 'Fix the port range; the rule is not evaluated until its ports are valid.',
    location,
    subject,
  });
  return new Unknown(`invalid port range ${JSON.stringify(written)}`, written);
}

/** Written text of a value for `written` fields: the reference for an Unknown. */
export function writtenText(value: Value): string {
  if (isUnknown(value)) return value.origin;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
