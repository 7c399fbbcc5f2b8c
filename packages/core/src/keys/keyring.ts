/**
 * A set of 256-bit keys with ids, one primary. Operators never see raw key files; they ask the ring for a
 * purpose-specific subkey (HKDF-SHA-256), so one master key never serves two algorithms.
 * @public
 */
export interface KeyRing {
  /** Id of the primary key: new tokens are made with it. */
  readonly primaryId: string;
  /** Ids of every key on the ring (primary included); old tokens stay revealable while their id is here. */
  readonly ids: readonly string[];
  /**
   * A 32-byte subkey for `purpose` (e.g. 'pseudonym', 'fpe:MY_NUMBER', 'hash') from key `kid`
   * (default: primary). Throws KamenError KAMEN_ERR_KEY_UNKNOWN for an unknown kid.
   */
  subkey(purpose: string, kid?: string): Uint8Array;
}
