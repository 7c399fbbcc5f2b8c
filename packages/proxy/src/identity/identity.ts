/** Who is asking, as resolved from headers and tokens before any body is read. */
export type Identity =
  | {
      readonly ok: true;
      readonly role: string;
      readonly tenant?: string;
      readonly subject?: string;
      /** Where the role came from; `fallback` = none usable, the restrictive role was applied. */
      readonly source: 'header' | 'jwt' | 'jwt+header' | 'fallback';
      /** Why the fallback applied (for logs and metrics; never a header value). */
      readonly fallback?: 'missing' | 'unknown' | 'ambiguous' | 'conflict';
      /** JWT issuer, when the role came from a verified token. */
      readonly issuer?: string;
      /** Client address: the socket peer, or the X-Forwarded-For hop right of the trusted proxies (AU-08). */
      readonly clientAddress?: string;
      /** The peer is a trusted proxy, so identity headers it sent were read. */
      readonly trustedPeer: boolean;
    }
  | { readonly ok: false; readonly status: 401 | 503; readonly reason: string };

/** What the resolver needs from a request: `rawHeaders` (when given) lets it see duplicated Authorization headers. */
export interface IdentityRequest {
  readonly headers: import('node:http').IncomingHttpHeaders;
  readonly remoteAddress: string | undefined;
  readonly rawHeaders?: readonly string[];
}
