import { KamenError, type ErrorContext } from '@kamen/core';

/**
 * The error catalogue of @kamen/proxy. Codes are stable; docs/errors.md documents each one (a test keeps the two in
 * step). Errors answered to HTTP clients carry only the code and status, never upstream data (FC-06).
 */
export const PROXY_ERRORS = {
  KAMEN_PROXY_ERR_CONFIG_FILE: 'The proxy config file cannot be read or is not valid YAML',
  KAMEN_PROXY_ERR_CONFIG_SCHEMA: 'The proxy config does not match the config JSON Schema',
  KAMEN_PROXY_ERR_CONFIG_INVALID: 'A proxy config value is well-formed but unusable (bad URL, CIDR, pattern or role)',
  KAMEN_PROXY_ERR_LISTEN: 'The proxy cannot listen on the configured address',
  KAMEN_PROXY_ERR_BAD_REQUEST: 'The client request is malformed or ambiguous (smuggling, path, header rules)',
  KAMEN_PROXY_ERR_HEADERS_TOO_LARGE: 'The client request headers are too many or too large',
  KAMEN_PROXY_ERR_REQUEST_TOO_LARGE: 'The client request body exceeds the configured limit',
  KAMEN_PROXY_ERR_UPGRADE_REFUSED: 'A protocol upgrade (WebSocket, h2c) was refused for a masked role',
  KAMEN_PROXY_ERR_UNAUTHENTICATED: 'No usable identity: the role is missing, unknown or ambiguous and config says 401',
  KAMEN_PROXY_ERR_FORBIDDEN: 'The identity may not use this route or reveal',
  KAMEN_PROXY_ERR_UPSTREAM: 'The upstream could not be reached, timed out or reset the connection',
  KAMEN_PROXY_ERR_BODY_LIMIT: 'The upstream response body exceeds the configured size cap',
  KAMEN_PROXY_ERR_DECOMPRESS: 'The upstream body cannot be decompressed, or exceeds the decompressed-size or layer cap',
  KAMEN_PROXY_ERR_CONTENT_TYPE: 'The upstream content type cannot be masked and is not allow-listed for this role',
  KAMEN_PROXY_ERR_MASK: 'Parsing or masking the upstream body failed; nothing unmasked was sent (fail closed)',
  KAMEN_PROXY_ERR_REVEAL_REFUSED: 'A reveal was refused: the grant is invalid or the audit record could not be written',
  KAMEN_PROXY_ERR_UNAVAILABLE: 'The proxy is shutting down or not ready',
  KAMEN_PROXY_ERR_GRANT_MALFORMED: 'A grant token is not a well-formed kamen grant (syntax, header, claims or size)',
  KAMEN_PROXY_ERR_GRANT_TAMPERED: 'A grant signature does not verify: the token was altered or signed with another key',
  KAMEN_PROXY_ERR_GRANT_KEY_UNKNOWN: 'A grant names a key id that is not on the tenant key ring',
  KAMEN_PROXY_ERR_GRANT_EXPIRED: 'A grant has expired',
  KAMEN_PROXY_ERR_GRANT_NOT_YET_VALID: 'A grant is not valid yet (nbf or iat in the future)',
  KAMEN_PROXY_ERR_GRANT_TTL: 'A grant lives longer than the configured maximum TTL',
  KAMEN_PROXY_ERR_GRANT_WRONG_TENANT: 'A grant was issued for another tenant',
  KAMEN_PROXY_ERR_GRANT_WRONG_SUBJECT: 'A grant was issued to another person',
  KAMEN_PROXY_ERR_GRANT_OUT_OF_SCOPE: 'The request method and path are outside the routes a grant names',
  KAMEN_PROXY_ERR_GRANT_REPLAYED: 'A grant was already used as many times as it allows',
  KAMEN_PROXY_ERR_GRANT_REPLAY_STORE_FULL:
    'The replay store is full of live grants; new grants are refused rather than forgetting old ones',
  KAMEN_PROXY_ERR_GRANT_ISSUE:
    'A grant cannot be issued: missing scope, reason or ticket, bad route pattern, or TTL above the maximum',
  KAMEN_PROXY_ERR_AUDIT_WRITE: 'An audit entry could not be written durably; the reveal is refused (AL-04)',
  KAMEN_PROXY_ERR_AUDIT_CORRUPT: 'The audit log or its head file fails verification, so the chain cannot be continued',
  KAMEN_PROXY_ERR_AUDIT_EVENT: 'An audit event has a field or value outside the audit event schema',
} as const;

export type ProxyErrorCode = keyof typeof PROXY_ERRORS;

/** HTTP status the proxy answers with for each code (the only thing a client learns besides the code). */
export const PROXY_ERROR_STATUS: Readonly<Record<ProxyErrorCode, number>> = {
  KAMEN_PROXY_ERR_CONFIG_FILE: 500,
  KAMEN_PROXY_ERR_CONFIG_SCHEMA: 500,
  KAMEN_PROXY_ERR_CONFIG_INVALID: 500,
  KAMEN_PROXY_ERR_LISTEN: 500,
  KAMEN_PROXY_ERR_BAD_REQUEST: 400,
  KAMEN_PROXY_ERR_HEADERS_TOO_LARGE: 431,
  KAMEN_PROXY_ERR_REQUEST_TOO_LARGE: 413,
  KAMEN_PROXY_ERR_UPGRADE_REFUSED: 426,
  KAMEN_PROXY_ERR_UNAUTHENTICATED: 401,
  KAMEN_PROXY_ERR_FORBIDDEN: 403,
  KAMEN_PROXY_ERR_UPSTREAM: 502,
  KAMEN_PROXY_ERR_BODY_LIMIT: 502,
  KAMEN_PROXY_ERR_DECOMPRESS: 502,
  KAMEN_PROXY_ERR_CONTENT_TYPE: 403,
  KAMEN_PROXY_ERR_MASK: 502,
  KAMEN_PROXY_ERR_REVEAL_REFUSED: 403,
  KAMEN_PROXY_ERR_UNAVAILABLE: 503,
  KAMEN_PROXY_ERR_GRANT_MALFORMED: 403,
  KAMEN_PROXY_ERR_GRANT_TAMPERED: 403,
  KAMEN_PROXY_ERR_GRANT_KEY_UNKNOWN: 403,
  KAMEN_PROXY_ERR_GRANT_EXPIRED: 403,
  KAMEN_PROXY_ERR_GRANT_NOT_YET_VALID: 403,
  KAMEN_PROXY_ERR_GRANT_TTL: 403,
  KAMEN_PROXY_ERR_GRANT_WRONG_TENANT: 403,
  KAMEN_PROXY_ERR_GRANT_WRONG_SUBJECT: 403,
  KAMEN_PROXY_ERR_GRANT_OUT_OF_SCOPE: 403,
  KAMEN_PROXY_ERR_GRANT_REPLAYED: 403,
  KAMEN_PROXY_ERR_GRANT_REPLAY_STORE_FULL: 503,
  KAMEN_PROXY_ERR_GRANT_ISSUE: 500,
  KAMEN_PROXY_ERR_AUDIT_WRITE: 503,
  KAMEN_PROXY_ERR_AUDIT_CORRUPT: 500,
  KAMEN_PROXY_ERR_AUDIT_EVENT: 500,
};

/** An error of the proxy: a KamenError whose code is in PROXY_ERRORS. */
export function proxyError(
  code: ProxyErrorCode,
  message: string,
  context: ErrorContext = {},
  cause?: unknown,
): KamenError {
  return new KamenError(code, message, context, cause === undefined ? undefined : { cause });
}

/** The code of a proxy error, or undefined for anything else. */
export function proxyErrorCode(err: unknown): ProxyErrorCode | undefined {
  if (!(err instanceof KamenError)) return undefined;
  return Object.hasOwn(PROXY_ERRORS, err.code) ? (err.code as ProxyErrorCode) : undefined;
}
