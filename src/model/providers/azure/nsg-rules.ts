import type { EvaluatedAttribute, EvaluatedBody } from '../../../loaders/terraform/types.ts';
import { parsePortSpec } from '../../../analysis/net/port-set.ts';
import type { SourceLocation } from '../../location.ts';
import type { FirewallRule, Peer, PortRange, Protocol } from '../../types.ts';
import { isUnknown, Unknown, type Known } from '../../unknown.ts';
import { attr, elements, knownStr, num, str } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { invalidPorts, readProtocol, writtenText } from '../rule-parts.ts';
import { prefixPeers } from './nsg-peers.ts';

/**
 * One NSG security rule, written inline or as `azurerm_network_security_rule`.
 * Every setting comes in a singular and a plural form and both are read; a port
 * is a number, a numeric string, `"a-b"` or `"*"`.
 */

export interface RuleSource {
  body: EvaluatedBody;
  location: SourceLocation;
  /** The rule's name in messages: the resource address and block path. */
  subject: string;
}

export type RuleParts = Pick<
  FirewallRule,
  'direction' | 'action' | 'order' | 'protocol' | 'ports' | 'peers' | 'localPeers' | 'description'
>;

export function readSecurityRule(source: RuleSource, context: MappingContext): RuleParts {
  const { body, location, subject } = source;
  const direction = knownStr(body, 'direction')?.toLowerCase() === 'outbound' ? 'egress' : 'ingress';
  const protocolLocation = attr(body, 'protocol')?.location ?? location;
  const protocol = readProtocol(str(body, 'protocol'), protocolLocation, context, subject);
  const remote = direction === 'ingress' ? 'source' : 'destination';
  const local = direction === 'ingress' ? 'destination' : 'source';
  const parts: RuleParts = {
    direction,
    // An access that is not known is read as Allow, the reading that exposes more.
    action: knownStr(body, 'access')?.toLowerCase() === 'deny' ? 'deny' : 'allow',
    protocol,
    ports: readNsgPorts(protocol, portAttributes(body, 'destination'), source, context),
    peers: readPrefixes(body, remote, context, subject),
  };
  const localPeers = readPrefixes(body, local, context, subject);
  if (localPeers.length > 0) parts.localPeers = localPeers;
  const priority = num(body, 'priority');
  if (typeof priority === 'number') parts.order = priority;
  const text = knownStr(body, 'description') ?? knownStr(body, 'name');
  if (text !== undefined) parts.description = text;
  return parts;
}

/** `source_address_prefix`, `source_address_prefixes` (and the same for destination). */
function readPrefixes(body: EvaluatedBody, end: string, context: MappingContext, subject: string): Peer[] {
  const names = [`${end}_address_prefix`, `${end}_address_prefixes`];
  return names.flatMap((name) => elements(body, name).flatMap((element) => prefixPeers(element, context, subject)));
}

function portAttributes(body: EvaluatedBody, end: string): EvaluatedAttribute[] {
  return [`${end}_port_range`, `${end}_port_ranges`].flatMap((name) => attr(body, name) ?? []);
}

/**
 * Reads the destination ports. An invalid value is an `invalid-port-range`
 * diagnostic at its attribute and an Unknown, so the rule is not evaluated.
 */
export function readNsgPorts(
  protocol: Known<Protocol>,
  written: readonly EvaluatedAttribute[],
  source: RuleSource,
  context: MappingContext,
): Known<PortRange[]> {
  if (isUnknown(protocol)) return protocol;
  if (protocol !== 'all' && protocol !== 'tcp' && protocol !== 'udp') return [];
  if (written.length === 0) return new Unknown('no destination port written', source.subject);
  const values = written.flatMap((found) => (Array.isArray(found.value) ? found.value : [found.value]));
  const unknown = values.find(isUnknown);
  if (unknown !== undefined) return unknown;
  const parsed = parsePortSpec(values);
  if (parsed.ok) return parsed.ranges;
  const bad = written.find((found) => !parsePortSpec(found.value).ok) ?? written[0]!;
  return invalidPorts(writtenText(bad.value), parsed.error, bad.location, context, source.subject);
}
