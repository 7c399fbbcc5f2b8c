/** Hop-by-hop headers (RFC 9110 §7.6.1 and the de-facto ones): never forwarded in either direction (PX-05). */
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);

/** Lower-case names listed in Connection header values (`Connection: close, X-Hop` → `x-hop`). */
export function connectionTokens(value: string | string[] | undefined): Set<string> {
  const out = new Set<string>();
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  for (const v of values)
    for (const token of v.split(',')) {
      const t = token.trim().toLowerCase();
      if (t !== '') out.add(t);
    }
  return out;
}
