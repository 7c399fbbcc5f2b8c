/**
 * The resolved proxy configuration: what loadProxyConfig returns after JSON-Schema validation filled in every
 * default. docs/proxy.md is the reference for each setting.
 */

/** How an identity-less or ambiguous request is served: the most restrictive masked view, or 401. */
export type OnMissingRole = 'restrictive' | 'reject';

export interface ListenConfig {
  readonly host: string;
  /** 0 picks a free port (tests, demo). */
  readonly port: number;
}

export interface UpstreamConfig {
  /** Base URL of the upstream application (http or https); its path is prepended to every request path. */
  readonly url: string;
  /** Keep-alive connections per upstream origin. */
  readonly connections: number;
  readonly connectTimeoutMs: number;
  /** Time to the upstream response headers. */
  readonly headersTimeoutMs: number;
  /** Longest silence between two upstream body chunks. */
  readonly bodyTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /**
   * What the proxy asks the upstream for when the body will be masked: `identity` (default) saves decompressing
   * what the proxy must decode anyway (the practice of body-rewriting proxies, and no decompression bomb to cap);
   * `decodable` asks for gzip, deflate and br, for a slow upstream link. Compressed bodies are decoded either way.
   */
  readonly maskedEncoding: 'identity' | 'decodable';
}

/**
 * The flags-level identity: role from a header, trusted only from the listed CIDRs. proxy-auth's identity section
 * (JWT, tenant) extends this shape; these fields keep their meaning.
 */
export interface IdentityConfig {
  /** Header carrying the role; absent = no header-based role. */
  readonly roleHeader?: string;
  /** Client addresses (CIDR) allowed to set identity headers; from anywhere else they are stripped. */
  readonly trustedProxies: readonly string[];
  readonly onMissingRole: OnMissingRole;
  /** Role used when the request has none and onMissingRole is 'restrictive' (default: the policy's most restrictive). */
  readonly defaultRole?: string;
  /** Further settings owned by the identity module (JWT, tenant). */
  readonly [extra: string]: unknown;
}

/** A route rule: requests matching method + path get these field types instead of classification alone. */
export interface RouteRule {
  /** HTTP methods (upper case); empty = every method. */
  readonly methods: readonly string[];
  /** Path pattern: literal segments, `:name` for one segment, a trailing `*` for the rest. */
  readonly path: string;
  /**
   * Field → entity or field type: JSON paths (`$.employees[*].name`), CSV column headers, XML paths
   * (`/staff/person/name`, `/staff/person/@id`).
   */
  readonly fields: Readonly<Record<string, string>>;
  /** Content types served unmasked on this route for masked roles (e.g. images); default none. */
  readonly allowTypes: readonly string[];
}

export interface ContentConfig {
  /** Content types (type/subtype, `type/*`) passed through unmasked for masked roles (FC-02, FC-07). */
  readonly allowTypes: readonly string[];
  /** Status for a blocked content type. */
  readonly blockStatus: 403 | 415 | 502;
  /** Inline `<script>` content that is not JSON: mask string literals, or drop the script body. */
  readonly htmlInlineScripts: 'mask' | 'block';
}

export interface LimitsConfig {
  /** Cap on an upstream response body as received (compressed), and on the masked output. */
  readonly maxBodyBytes: number;
  /** Cap on the decompressed upstream body (PX-12). */
  readonly maxDecompressedBytes: number;
  /** Content-Encoding layers accepted (PX-12). */
  readonly maxEncodingLayers: number;
  /** Cap on one SSE event / NDJSON line / CSV record (ST-03, FC-08). */
  readonly maxRecordBytes: number;
  readonly maxRequestBodyBytes: number;
  readonly maxHeaderBytes: number;
  readonly maxHeadersCount: number;
  /** Time allowed for a client to send the request headers (PX-10). */
  readonly headersTimeoutMs: number;
  /** Time allowed for a client to send the whole request (PX-10). */
  readonly requestTimeoutMs: number;
  /** Idle keep-alive timeout of client connections. */
  readonly keepAliveTimeoutMs: number;
  /**
   * Masked output held before the response starts: a body that fits gets an exact Content-Length and a failure a
   * clean 502; a longer one streams chunked and a failure aborts the connection.
   */
  readonly bufferBytes: number;
}

/**
 * Worker threads (a piscina pool) for large bodies: a body is masked inline until `minBodyBytes` of it were read,
 * then the rest goes to the pool in batches of records (docs/scaling.md has the measurements behind the defaults).
 */
export interface WorkersConfig {
  /** Worker threads shared by every response; 0 = everything inline. Started with the first large body. */
  readonly threads: number;
  /** Decoded body size after which the rest of a body is masked in the pool. */
  readonly minBodyBytes: number;
  /** Records are sent to a worker in batches of about this many characters. */
  readonly batchBytes: number;
  /** Batches of one body in the pool at once; reading the upstream body waits beyond it (backpressure). */
  readonly maxInFlight: number;
}

export interface ProxyConfig {
  readonly listen: ListenConfig;
  readonly upstream: UpstreamConfig;
  /** `builtin` (the built-in policies; role names = policy names) or a policy file path. */
  readonly policy: string;
  /** Key file for keyed operators (pseudonym, fpe, hash); none = an ephemeral per-process key ring. */
  readonly keyFile?: string;
  readonly identity: IdentityConfig;
  /** Reveal grants (owned by the grants module); absent = no reveals. */
  readonly grants?: Readonly<Record<string, unknown>>;
  /** Audit log (owned by the audit module); required for reveals. */
  readonly audit?: Readonly<Record<string, unknown>>;
  readonly routes: readonly RouteRule[];
  readonly content: ContentConfig;
  readonly limits: LimitsConfig;
  readonly workers: WorkersConfig;
  readonly log: { readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent' };
  /** Directory relative file paths in the config are resolved against (the config file's directory). */
  readonly baseDir: string;
}
