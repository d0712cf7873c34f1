import { publicSpace } from '../../../analysis/net/well-known.ts';
import type { SourceLocation } from '../../location.ts';
import type { Peer } from '../../types.ts';
import { isUnknown } from '../../unknown.ts';
import type { Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { cidrPeer } from '../rule-parts.ts';

/**
 * Address prefixes of NSG rules: a CIDR, an address, `*`, or a service tag.
 * Tags whose addresses are known become CIDR peers written as the tag, because
 * ordered sets are evaluated on addresses: `Internet` is the public address
 * space, `*` is everything, `AzureLoadBalancer` is the platform probe address.
 * `VirtualNetwork` stays a tag until the address spaces of the VNets are known.
 */

const PUBLIC_CIDRS = publicSpace().toCidrs();
const EVERYWHERE = ['0.0.0.0/0', '::/0'];
const AZURE_PROBE = ['168.63.129.16/32'];

/** The service tag that stands for the address space of the VNets. */
export const VIRTUAL_NETWORK_TAG = 'VirtualNetwork';

const KNOWN_TAGS: Record<string, readonly string[]> = {
  '*': EVERYWHERE,
  any: EVERYWHERE,
  internet: PUBLIC_CIDRS,
  azureloadbalancer: AZURE_PROBE,
};

/** Reads one address prefix element into peers. */
export function prefixPeers(element: Element, context: MappingContext, subject: string): Peer[] {
  const { value, location } = element;
  if (isUnknown(value) || typeof value !== 'string') return [cidrPeer(element, context, subject)];
  const text = value.trim();
  const known = KNOWN_TAGS[text.toLowerCase()];
  if (known !== undefined) return tagAsCidrs(text, known, location);
  if (/^[0-9a-f:.]+(\/\d+)?$/i.test(text)) return [cidrPeer(element, context, subject)];
  return [{ kind: 'tag', tag: text, location }];
}

export function tagAsCidrs(written: string, cidrs: readonly string[], location?: SourceLocation): Peer[] {
  return cidrs.map((cidr) => (location === undefined ? { kind: 'cidr', cidr, written } : { kind: 'cidr', cidr, written, location }));
}
