/**
 * What a verified grant lets the proxy reveal on this request. proxy-core reveals exactly this: values of `fields`
 * (JSON paths, CSV columns, XML paths or bare field names) and of `entities` (detected or classified types), only
 * inside records whose `recordKey` field equals one of `records` (or in every record when `records` is 'all').
 */
export interface GrantScope {
  readonly jti: string;
  readonly kid: string;
  readonly tenant?: string;
  readonly subject: string;
  /** The grant route that matched this request (`GET /api/employees/*`): audited instead of the raw path. */
  readonly route: string;
  readonly records: readonly string[] | 'all';
  readonly recordKey: string;
  readonly fields: readonly string[];
  readonly entities: readonly string[];
  readonly reason: string;
  readonly ticket: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** Which use of the grant this request is (1-based) and how many are allowed. */
  readonly use: number;
  readonly uses: number;
}
