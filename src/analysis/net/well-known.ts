import { IpSet } from './ip-set.ts';

/**
 * Addresses that are never reached from the internet: RFC 1918 private ranges,
 * shared address space (RFC 6598), loopback, link-local, "this network", IPv6
 * unique local (RFC 4193), link-local, loopback and the unspecified address.
 * Everything else counts as public, so a source outside this set is the internet.
 */
export const PRIVATE_SPACE: IpSet = IpSet.fromCidrs([
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '0.0.0.0/8',
  'fc00::/7',
  'fe80::/10',
  '::1/128',
  '::/128',
]);

/** Returns every IPv4 and IPv6 address outside PRIVATE_SPACE. */
export function publicSpace(): IpSet {
  return IpSet.all().subtract(PRIVATE_SPACE);
}
