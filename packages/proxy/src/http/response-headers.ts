import type { OutgoingHttpHeaders } from 'node:http';
import { HOP_BY_HOP, connectionTokens } from './hop-by-hop.js';

type UpstreamHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** Passed verbatim to masked roles: protocol and security headers that carry no personal data. */
const ALLOW = new Set([
  'date',
  'content-language',
  'retry-after',
  'allow',
  'www-authenticate',
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-allow-credentials',
  'access-control-expose-headers',
  'access-control-max-age',
  'content-security-policy',
  'content-security-policy-report-only',
  'strict-transport-security',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cross-origin-embedder-policy',
  'server',
]);

/** May carry personal data in URLs or values (FC-05): passed with every detected value masked. */
const MASK_VALUE = new Set(['location', 'content-location', 'link', 'refresh', 'set-cookie']);

/** Set by the proxy (body-dependent or cache-related), never copied for masked roles (CA-02, CA-03, CA-04). */
const BODY_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'content-type',
  'content-range',
  'accept-ranges',
  'etag',
  'last-modified',
  'age',
  'expires',
  'cache-control',
  'pragma',
  'vary',
  'content-md5',
  'digest',
  'content-digest',
  'repr-digest',
]);

export interface ResponseHeaderOptions {
  readonly masked: boolean;
  /** Request headers the response depends on (role inputs), added to Vary (CA-01). */
  readonly varyOn: readonly string[];
  /** Free-text masker for header values (masked roles). */
  readonly maskText: (text: string) => string;
}

/**
 * The client response headers, without the body headers (content-type/-length/-encoding, which the body path sets).
 * Masked roles: allow-list, URL-ish headers masked, Content-Disposition without file name, custom X-* masked, the
 * rest dropped. Every role: hop-by-hop gone, `Cache-Control: private, no-store`, Vary on the role inputs, nosniff.
 */
export function clientHeaders(upstream: UpstreamHeaders, opts: ResponseHeaderOptions): OutgoingHttpHeaders {
  const listed = connectionTokens(upstream.connection);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name)) continue;
    if (BODY_HEADERS.has(name)) continue;
    if (!opts.masked) {
      out[name] = value;
      continue;
    }
    if (ALLOW.has(name)) out[name] = value;
    else if (name === 'content-disposition') out[name] = dispositionType(first(value));
    else if (MASK_VALUE.has(name) || name.startsWith('x-')) {
      const masked = (Array.isArray(value) ? value : [value]).map((v) => maskHeaderValue(v, opts.maskText));
      out[name] = masked.length === 1 ? masked[0] : masked;
    }
  }
  if (!opts.masked) {
    for (const name of ['etag', 'last-modified', 'accept-ranges', 'content-range', 'expires']) {
      const v = upstream[name];
      if (v !== undefined) out[name] = v;
    }
  }
  out['cache-control'] = 'private, no-store';
  out.vary = varyHeader(upstream.vary, opts.varyOn);
  out['x-content-type-options'] = 'nosniff';
  return out;
}

function first(v: string | string[]): string {
  return Array.isArray(v) ? (v[0] ?? '') : v;
}

/** `attachment; filename*=UTF-8''山田_給与.pdf` → `attachment`: file names are dropped for masked roles (FC-05). */
function dispositionType(value: string): string {
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'inline' ? 'inline' : 'attachment';
}

/**
 * Masks personal data in a header value: detection runs on the percent-decoded value (EN-05); when anything was
 * masked the value is rebuilt from the masked text, each `;`-separated part on its own (cookie attributes, link
 * params survive). An unchanged value passes byte-identical.
 */
export function maskHeaderValue(value: string, maskText: (text: string) => string): string {
  return value
    .split(';')
    .map((part) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        decoded = part;
      }
      const masked = maskText(decoded);
      if (masked === decoded) {
        // Detection on the raw form too: '+' may be meaningful, and undecodable escapes were kept as they are.
        const rawMasked = maskText(part);
        return rawMasked === part ? part : encodeURI(rawMasked);
      }
      return encodeURI(masked);
    })
    .join(';');
}

function varyHeader(upstream: string | string[] | undefined, roleInputs: readonly string[]): string {
  const tokens = [...connectionTokens(upstream)];
  if (tokens.includes('*')) return '*';
  const seen = new Set(tokens);
  for (const t of ['accept-encoding', ...roleInputs.map((r) => r.toLowerCase())]) seen.add(t);
  return [...seen].join(', ');
}
