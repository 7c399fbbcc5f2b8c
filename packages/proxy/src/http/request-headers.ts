import type { IncomingMessage } from 'node:http';
import { HOP_BY_HOP, connectionTokens } from './hop-by-hop.js';

/** Request headers that would let a masked client see or pin an unmasked representation (CA-02, CA-04). */
const MASKED_DROP = new Set(['range', 'if-range', 'if-none-match', 'if-modified-since']);
/** Never forwarded: the proxy sets them itself, or undici refuses them. */
const ALWAYS_DROP = new Set([
  'host',
  'expect',
  'content-length',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
]);
const ENCODINGS = ['gzip', 'deflate', 'br'];

export interface UpstreamHeaderOptions {
  readonly masked: boolean;
  /** For masked bodies: ask for identity, or for every coding the proxy decodes (config upstream.maskedEncoding). */
  readonly maskedEncoding: 'identity' | 'decodable';
  /** Identity headers (role, subject, tenant): read by the proxy, never forwarded. */
  readonly identityHeaders: readonly string[];
  readonly upstreamHost: string;
  readonly clientAddress: string | undefined;
  readonly contentLength: number | undefined;
}

/**
 * Builds the upstream request headers from a normalised map (PX-02: never two Content-Lengths): hop-by-hop and
 * Connection-listed headers dropped (PX-05), identity headers dropped, Range and validators dropped for masked roles,
 * Accept-Encoding limited to what the proxy can decode, X-Forwarded-* set by the proxy alone.
 */
export function upstreamHeaders(req: IncomingMessage, opts: UpstreamHeaderOptions): Record<string, string | string[]> {
  const listed = connectionTokens(req.headers.connection);
  const identity = new Set(opts.identityHeaders.map((h) => h.toLowerCase()));
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headersDistinct)) {
    if (value === undefined) continue;
    if (HOP_BY_HOP.has(name) || listed.has(name) || identity.has(name) || ALWAYS_DROP.has(name)) continue;
    if (opts.masked && MASKED_DROP.has(name)) continue;
    if (name === 'accept-encoding') continue;
    out[name] = value.length === 1 ? (value[0] as string) : value;
  }
  out.host = opts.upstreamHost;
  if (opts.contentLength !== undefined) out['content-length'] = String(opts.contentLength);
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  // Masked bodies are decoded here: ask for them plain (or in any coding we decode, if configured); unmasked ones pass
  // to the client as they are.
  const ask = opts.masked
    ? opts.maskedEncoding === 'decodable'
      ? ENCODINGS
      : []
    : ENCODINGS.filter((e) => accepted.has(e));
  out['accept-encoding'] = ask.length > 0 ? ask.join(', ') : 'identity';
  if (opts.clientAddress !== undefined) out['x-forwarded-for'] = opts.clientAddress;
  const host = req.headers.host;
  if (host !== undefined) out['x-forwarded-host'] = host;
  out['x-forwarded-proto'] = 'http';
  return out;
}

/** Encodings the client accepts with q > 0 (`*` counts as all of them). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const out = new Set<string>();
  if (header === undefined) return out;
  const refused = new Set<string>();
  for (const part of header.split(',')) {
    const [nameRaw = '', ...params] = part.split(';');
    const name = nameRaw.trim().toLowerCase();
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const zero = q !== undefined && Number(q.slice(2)) === 0;
    if (zero) refused.add(name);
    else if (name === '*') ENCODINGS.forEach((e) => out.add(e));
    else if (name === 'x-gzip') out.add('gzip');
    else if (name !== '') out.add(name);
  }
  for (const r of refused) out.delete(r);
  return out;
}

/** The encoding for a re-compressed masked body: br, then gzip, then deflate; undefined = identity. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | 'deflate' | undefined {
  const accepted = acceptedEncodings(header);
  return (['br', 'gzip', 'deflate'] as const).find((e) => accepted.has(e));
}
