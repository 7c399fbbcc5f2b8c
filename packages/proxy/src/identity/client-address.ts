import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import type { AddressMatcher } from '../net/cidr.js';

/**
 * The client's address for logs and the audit trail (AU-08). X-Forwarded-For is read right to left: each hop
 * appends the address it saw, so only the entries added by trusted proxies are believable. We walk back from
 * the socket peer while the current hop is trusted; the first untrusted address is the client. A spoofed
 * leftmost entry is therefore never reached unless every hop after it is ours.
 */
export function clientAddress(
  headers: IncomingHttpHeaders,
  remoteAddress: string | undefined,
  trusted: AddressMatcher,
): string | undefined {
  let client = remoteAddress;
  if (!trusted.matches(remoteAddress)) return client;
  const raw = headers['x-forwarded-for'];
  const hops = (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    // A malformed hop means we cannot tell who sent it: stop at the last address we could verify.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trusted.matches(hop)) return client;
  }
  return client;
}
