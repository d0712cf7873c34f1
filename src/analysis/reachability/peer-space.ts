import { IpSet } from '../net/ip-set.ts';
import { publicSpace } from '../net/well-known.ts';
import type { Peer } from '../../model/types.ts';
import { Unknown } from '../../model/unknown.ts';
import { spaceOf, type ModelIndex } from './model-index.ts';
import type { UnresolvedPeer } from './sources.ts';

/** The addresses of a list of peers, as far as the model records them. */
export interface PeerSpace {
  /** Addresses of the peers whose addresses are known. */
  space: IpSet;
  /** The first peer whose addresses cannot be known, and why; absent when every peer is known. */
  unresolved?: UnresolvedPeer;
}

const PUBLIC_SPACE = publicSpace();

/** Resolved peer lists by model index, so each list of a scan is resolved once. */
const resolved = new WeakMap<ModelIndex, WeakMap<readonly Peer[], PeerSpace>>();

/**
 * Resolves peers to addresses, so an ordered policy can match them. CIDRs and
 * tags with an address list are their addresses; the tag `Internet` is the
 * public address space; a group (or `self`, the set `setId` itself) is the
 * addresses of the hosts that carry it, or their segments' addresses for
 * hosts without one. An external group, another tag and an unknown peer
 * cannot be resolved.
 */
export function peerSpace(index: ModelIndex, peers: readonly Peer[], setId: string): PeerSpace {
  let byPeers = resolved.get(index);
  if (byPeers === undefined) resolved.set(index, (byPeers = new WeakMap()));
  let result = byPeers.get(peers);
  if (result === undefined) byPeers.set(peers, (result = resolvePeerSpace(index, peers, setId)));
  return result;
}

/** Resolves only CIDR peers and ignores the others, as stateless ACLs (whose rules name only CIDRs) need. */
export function cidrSpace(peers: readonly Peer[]): PeerSpace {
  return { space: spaceOf(peers.flatMap((peer) => (peer.kind === 'cidr' ? [peer.cidr] : []))) };
}

function resolvePeerSpace(index: ModelIndex, peers: readonly Peer[], setId: string): PeerSpace {
  let space = IpSet.empty();
  let unresolved: PeerSpace['unresolved'];
  for (const peer of peers) {
    const addresses = addressesOf(index, peer, setId);
    if (addresses instanceof Unknown) unresolved ??= { peer, unknown: addresses };
    else space = space.union(addresses);
  }
  return unresolved === undefined ? { space } : { space, unresolved };
}

function addressesOf(index: ModelIndex, peer: Peer, setId: string): IpSet | Unknown {
  switch (peer.kind) {
    case 'cidr':
      return spaceOf([peer.cidr]);
    case 'tag':
      if (peer.cidrs !== undefined) return spaceOf(peer.cidrs);
      if (peer.tag.toLowerCase() === 'internet') return PUBLIC_SPACE;
      return new Unknown(`the service tag ${peer.tag} has no address list in the code`, peer.tag);
    case 'group':
      return groupAddresses(index, peer.groupId, peer.written);
    case 'self':
      return groupAddresses(index, setId, index.setsById.get(setId)?.name ?? setId);
    case 'external-group':
      return new Unknown(`the group ${peer.written} is not defined in the scanned code`, peer.written);
    case 'unknown':
      return peer.unknown;
  }
}

/**
 * Addresses of the hosts that carry a group: a host's own addresses, else the
 * addresses of its segments. Unknown when the group has no host, or a host
 * has neither, because then some members' addresses are missing.
 */
function groupAddresses(index: ModelIndex, groupId: string, written: string): IpSet | Unknown {
  const hosts = index.hostsBySetId.get(groupId) ?? [];
  const name = index.setsById.get(groupId)?.name ?? written;
  if (hosts.length === 0) return new Unknown(`the group ${name} has no host in the scanned code`, written);
  let space = IpSet.empty();
  for (const host of hosts) {
    const own = spaceOf(host.addresses);
    const addresses = own.isEmpty() ? segmentSpace(index, host.segmentIds) : own;
    if (addresses.isEmpty()) {
      return new Unknown(`the host ${host.name} of group ${name} has no known address or segment`, written);
    }
    space = space.union(addresses);
  }
  return space;
}

function segmentSpace(index: ModelIndex, segmentIds: readonly string[]): IpSet {
  return segmentIds.reduce(
    (union, id) => union.union(index.segmentSpaces.get(id) ?? IpSet.empty()),
    IpSet.empty(),
  );
}
