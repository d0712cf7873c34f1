/**
 * IPv4 and IPv6 addresses and CIDR prefixes as exact integers. Parsing follows
 * the textual forms of RFC 4291 section 2.2 (IPv6) and the dotted quad without
 * leading zeros (IPv4); formatting follows RFC 5952.
 */
export type IpFamily = 4 | 6;

export interface Cidr {
  family: IpFamily;
  /** The first address of the prefix; host bits are always zero. */
  network: bigint;
  prefix: number;
}

export type ParsedCidr =
  | { ok: true; cidr: Cidr; canonical: string; hadHostBits: boolean }
  | { ok: false; error: string };

export function addressBits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

export function parseAddress(text: string): { family: IpFamily; value: bigint } | undefined {
  const ipv4 = parseIpv4(text);
  if (ipv4 !== undefined) return { family: 4, value: ipv4 };
  const ipv6 = parseIpv6(text);
  if (ipv6 !== undefined) return { family: 6, value: ipv6 };
  return undefined;
}

/**
 * Parses `address/prefix` or a bare address (a /32 or /128). Host bits are
 * cleared and reported, because providers accept `10.50.0.200/24` as the
 * network `10.50.0.0/24`.
 */
export function parseCidr(text: string): ParsedCidr {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const address = parseAddress(addressText);
  if (address === undefined) {
    return invalid(text, `"${addressText}" is not an IPv4 or IPv6 address`);
  }
  const bits = addressBits(address.family);
  let prefix = bits;
  if (slash !== -1) {
    const prefixText = trimmed.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) {
      return invalid(text, `prefix length "${prefixText}" is not a number`);
    }
    prefix = Number(prefixText);
    if (prefix > bits) {
      return invalid(text, `prefix length ${prefix} is out of range 0-${bits}`);
    }
  }
  const network = address.value & prefixMask(address.family, prefix);
  const cidr: Cidr = { family: address.family, network, prefix };
  return { ok: true, cidr, canonical: formatCidr(cidr), hadHostBits: network !== address.value };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatAddress(cidr.family, cidr.network)}/${cidr.prefix}`;
}

export function cidrRange(cidr: Cidr): { first: bigint; last: bigint } {
  const hostBits = BigInt(addressBits(cidr.family) - cidr.prefix);
  return { first: cidr.network, last: cidr.network + (1n << hostBits) - 1n };
}

/** Builds the netmask with `prefix` leading one bits. */
export function prefixMask(family: IpFamily, prefix: number): bigint {
  const bits = BigInt(addressBits(family));
  const all = (1n << bits) - 1n;
  return all ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

export function formatAddress(family: IpFamily, value: bigint): string {
  return family === 4 ? formatIpv4(value) : formatIpv6(value);
}

function invalid(text: string, reason: string): ParsedCidr {
  return { ok: false, error: `"${text}" is not a valid CIDR: ${reason}.` };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // A leading zero is rejected because some parsers read `010` as octal 8.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (text.includes('%')) return undefined; // zone ids name an interface, not an address
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1]!, true) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/**
 * Parses colon-separated hex groups. The last group may be a dotted quad, which
 * counts as two groups, when `ipv4Allowed` is true because this part ends the address.
 */
function parseGroups(text: string, ipv4Allowed: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (ipv4Allowed && i === parts.length - 1 && part.includes('.')) {
      const ipv4 = parseIpv4(part);
      if (ipv4 === undefined) return undefined;
      groups.push(Number(ipv4 >> 16n), Number(ipv4 & 0xffffn));
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
      groups.push(parseInt(part, 16));
    }
  }
  return groups;
}

function formatIpv4(value: bigint): string {
  const octets = [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn));
  return octets.join('.');
}

function formatIpv6(value: bigint): string {
  // RFC 5952 section 5: IPv4-mapped addresses keep the dotted quad.
  if (value >> 32n === 0xffffn) return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) =>
    Number((value >> shift) & 0xffffn),
  );
  const run = longestZeroRun(groups);
  const hex = groups.map((group) => group.toString(16));
  if (run === undefined) return hex.join(':');
  const head = hex.slice(0, run.start).join(':');
  const tail = hex.slice(run.start + run.length).join(':');
  return `${head}::${tail}`;
}

/** Finds the first longest run of two or more zero groups, which RFC 5952 compresses to `::`. */
function longestZeroRun(groups: number[]): { start: number; length: number } | undefined {
  let best: { start: number; length: number } | undefined;
  let start = -1;
  for (let i = 0; i <= groups.length; i++) {
    if (i < groups.length && groups[i] === 0) {
      if (start === -1) start = i;
      continue;
    }
    const length = start === -1 ? 0 : i - start;
    if (length >= 2 && (best === undefined || length > best.length)) best = { start, length };
    start = -1;
  }
  return best;
}
