import { parsePortSpec } from '../../../analysis/net/port-set.ts';
import type { EvaluatedBody } from '../../../loaders/terraform/types.ts';
import type { SourceLocation } from '../../location.ts';
import type { Peer, PortRange, Protocol } from '../../types.ts';
import { isUnknown, type Known } from '../../unknown.ts';
import { attr, str } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { invalidPorts, readProtocol, writtenText } from '../rule-parts.ts';

/** The protocol and ports of one `allow` or `deny` block of a Google firewall. */

export interface Service {
  protocol: Known<Protocol>;
  ports: Known<PortRange[]>;
}

/** `ports` holds `"22"` and `"80-90"`; no `ports` means every port of the protocol. */
export function readService(body: EvaluatedBody, location: SourceLocation, context: MappingContext, subject: string): Service {
  const protocolLocation = attr(body, 'protocol')?.location ?? location;
  const protocol = readProtocol(str(body, 'protocol'), protocolLocation, context, subject);
  return { protocol, ports: readPorts(protocol, body, location, context, subject) };
}

function readPorts(
  protocol: Known<Protocol>,
  body: EvaluatedBody,
  location: SourceLocation,
  context: MappingContext,
  subject: string,
): Known<PortRange[]> {
  if (isUnknown(protocol)) return protocol;
  if (protocol !== 'all' && protocol !== 'tcp' && protocol !== 'udp' && !isSctp(protocol)) return [];
  const written = attr(body, 'ports');
  if (written === undefined) return [{ from: 0, to: 65535 }];
  const values = Array.isArray(written.value) ? written.value : [written.value];
  const unknown = values.find(isUnknown);
  if (unknown !== undefined) return unknown;
  const parsed = parsePortSpec(values);
  if (parsed.ok) return parsed.ranges;
  return invalidPorts(writtenText(written.value), parsed.error, written.location ?? location, context, subject);
}

function isSctp(protocol: Protocol): boolean {
  return typeof protocol === 'object' && protocol.number === 132;
}

/** A peer standing for the instances that carry a network tag or run as a service account. */
export function selectorPeer(kind: 'tag' | 'service-account', name: string, location: SourceLocation): Peer {
  return { kind: 'group', groupId: selectorSetId(kind, name), written: name, location };
}

/** Id of the group of instances a network tag or service account selects. */
export function selectorSetId(kind: 'tag' | 'service-account', name: string): string {
  return `google:${kind}:${name}`;
}
