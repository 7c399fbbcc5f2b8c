import type { SchemaFragment } from '../config/schema.js';

/** JWT verification settings (`identity.jwt`). Exactly one of `jwksUrl` and `keyFile`. */
export interface JwtConfig {
  /** JWKS endpoint (https, or http on a loopback host only). Keys are cached and refetched at most once per cooldown. */
  readonly jwksUrl?: string;
  /** A PEM public key (SPKI, PKCS#1 RSA or a certificate), a JWK or a JWKS file. `kty: oct` JWKs only with HS algorithms. */
  readonly keyFile?: string;
  /** Accepted `alg` values, pinned: `none` never, HMAC and asymmetric never mixed (AU-01, AU-02). */
  readonly algorithms: readonly string[];
  readonly issuer: string | readonly string[];
  readonly audience: string | readonly string[];
  /** Seconds of clock skew tolerated on exp/nbf/iat (AU-04). */
  readonly clockToleranceSec: number;
  /** Oldest accepted `iat`, in seconds (AU-03). */
  readonly maxTokenAgeSec: number;
  /** Where the role is: `role`, `realm_access.roles`, `https://kamen/role` (docs/proxy.md). */
  readonly roleClaim: string;
  readonly subjectClaim: string;
  /** Claim holding the tenant, used when `tenant.from` is `claim`. */
  readonly tenantClaim?: string;
  readonly jwksTimeoutMs: number;
  readonly jwksCooldownMs: number;
  readonly jwksCacheMaxAgeMs: number;
}

/** Where the tenant comes from: a JWT claim, a header set by a trusted front proxy, or the Host header. */
export interface TenantSource {
  readonly from: 'claim' | 'header' | 'host';
  /** Host name (lower case, no port) → tenant, for `from: host`. */
  readonly hosts?: Readonly<Record<string, string>>;
  /** For `from: host`: the tenant is the first label of a host under this domain (`acme.hr.example` → `acme`). */
  readonly subdomainOf?: string;
}

/** The identity-module settings that extend proxy-core's flags-level identity section. */
export interface IdentityExtras {
  /** Header with the subject (user id) set by a trusted front proxy. */
  readonly subjectHeader?: string;
  /** Header with the tenant set by a trusted front proxy (`tenant.from: header`). */
  readonly tenantHeader?: string;
  readonly jwt?: JwtConfig;
  readonly tenant?: TenantSource;
}

const headerName = { type: 'string', pattern: '^[A-Za-z0-9-]+$' };
const names = (minItems: number) => ({
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', minItems, items: { type: 'string', minLength: 1 } },
  ],
});

/** JSON-Schema fragment for the `identity` section; proxy-core composes it into the config schema. */
export const IDENTITY_SCHEMA_FRAGMENT: SchemaFragment = {
  section: 'identity',
  schema: {
    additionalProperties: false,
    properties: {
      subjectHeader: headerName,
      tenantHeader: headerName,
      jwt: {
        type: 'object',
        additionalProperties: false,
        required: ['algorithms', 'issuer', 'audience'],
        properties: {
          jwksUrl: { type: 'string', pattern: '^https?://' },
          keyFile: { type: 'string', minLength: 1 },
          algorithms: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: {
              enum: [
                'RS256',
                'RS384',
                'RS512',
                'PS256',
                'PS384',
                'PS512',
                'ES256',
                'ES384',
                'ES512',
                'EdDSA',
                'Ed25519',
                'HS256',
                'HS384',
                'HS512',
              ],
            },
          },
          issuer: names(1),
          audience: names(1),
          clockToleranceSec: { type: 'integer', minimum: 0, maximum: 300, default: 30 },
          maxTokenAgeSec: { type: 'integer', minimum: 1, maximum: 86_400 * 7, default: 3600 },
          roleClaim: { type: 'string', minLength: 1, default: 'role' },
          subjectClaim: { type: 'string', minLength: 1, default: 'sub' },
          tenantClaim: { type: 'string', minLength: 1 },
          jwksTimeoutMs: { type: 'integer', minimum: 100, maximum: 60_000, default: 5000 },
          jwksCooldownMs: { type: 'integer', minimum: 0, maximum: 3_600_000, default: 30_000 },
          jwksCacheMaxAgeMs: { type: 'integer', minimum: 1000, maximum: 86_400_000, default: 600_000 },
        },
        oneOf: [{ required: ['jwksUrl'] }, { required: ['keyFile'] }],
      },
      tenant: {
        type: 'object',
        additionalProperties: false,
        required: ['from'],
        properties: {
          from: { enum: ['claim', 'header', 'host'] },
          hosts: { type: 'object', additionalProperties: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' } },
          subdomainOf: { type: 'string', pattern: '^[a-z0-9.-]+$' },
        },
      },
    },
  },
};
