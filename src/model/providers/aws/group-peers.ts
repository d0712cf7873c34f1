import type { Peer } from '../../types.ts';
import type { Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { GROUP_NAMES, referenceOf } from '../references.ts';

/**
 * Reads a security group named as a rule's source or destination. A reference
 * starts as a `group` peer and a literal id as an `external-group` peer.
 * `resolveGroupPeers` then checks both against the groups of the model.
 */
export function groupPeer(element: Element): Peer {
  const reference = referenceOf(element);
  const location = reference.location;
  if (reference.address !== undefined) {
    return { kind: 'group', groupId: reference.address, written: reference.written, location };
  }
  if (reference.unknown !== undefined) {
    return { kind: 'unknown', unknown: reference.unknown, location };
  }
  return { kind: 'external-group', written: reference.written, location };
}

/**
 * Settles every group peer once all groups are mapped. A reference to
 * something that is not a mapped group (a data source) and a literal id the
 * code does not define are external groups, whose zone is unknown. A literal
 * that equals the `name` of a mapped group (EC2-Classic and default-VPC rules
 * name groups) is that group.
 */
export function resolveGroupPeers(context: MappingContext): void {
  const byName = context.lookup<string>(GROUP_NAMES);
  for (const set of context.model.firewallSets) {
    for (const rule of set.rules) {
      rule.peers = rule.peers.map((peer) => settlePeer(peer, byName, context));
    }
  }
}

function settlePeer(peer: Peer, byName: Map<string, string>, context: MappingContext): Peer {
  if (peer.kind === 'group' && context.kindOf(peer.groupId) !== 'firewall-set') {
    return withLocation({ kind: 'external-group', written: peer.written }, peer);
  }
  if (peer.kind === 'external-group') {
    const groupId = byName.get(peer.written);
    if (groupId !== undefined) {
      return withLocation({ kind: 'group', groupId, written: peer.written }, peer);
    }
  }
  return peer;
}

function withLocation<T extends Peer>(peer: T, from: Peer): T {
  if (from.location !== undefined) peer.location = from.location;
  return peer;
}
