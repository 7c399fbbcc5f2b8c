import { BlockList, isIP } from 'node:net';
import { LruCache } from '@kamen/core';

/** A parsed CIDR range: address family, network address and prefix length. */
export interface Cidr {
  readonly family: 'ipv4' | 'ipv6';
  readonly address: string;
  readonly prefix: number;
}

/** Parses `10.0.0.0/8`, `::1/128` or a bare address (a /32 or /128); undefined when invalid. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const version = isIP(address);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  return { family: version === 4 ? 'ipv4' : 'ipv6', address, prefix };
}

/** A matcher over CIDR ranges; IPv4-mapped IPv6 client addresses (`::ffff:127.0.0.1`) match IPv4 ranges. */
export interface AddressMatcher {
  matches(address: string | undefined): boolean;
}

export function createAddressMatcher(cidrs: readonly string[]): AddressMatcher {
  const list = new BlockList();
  for (const text of cidrs) {
    const cidr = parseCidr(text);
    if (cidr === undefined) throw new TypeError(`invalid CIDR '${text}'`);
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  const check = (address: string): boolean => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1] !== undefined) return list.check(mapped[1], 'ipv4');
    const version = isIP(address);
    if (version === 0) return false;
    return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
  // Answers per peer address, bounded: every request asks for its socket's peer (identity headers, forwarding),
  // and a BlockList check parses the address into a SocketAddress each time. The ranges never change.
  const answers = new LruCache<string, boolean>(4096);
  return {
    matches(address) {
      if (address === undefined || cidrs.length === 0) return false;
      let answer = answers.get(address);
      if (answer === undefined) answers.set(address, (answer = check(address)));
      return answer;
    },
  };
}
