/** Result of recording one use of a grant. */
export type ReplayResult =
  { readonly ok: true; readonly use: number } | { readonly ok: false; readonly reason: 'replayed' | 'full' };

/**
 * Remembers how often each grant (by `jti`) was used until it expires. The in-memory store is per process: with N
 * replicas a single-use grant can be used once per replica. Route a tenant's reveals to one replica, or supply a
 * shared store (anything with this interface, e.g. Redis `INCR` + `EXPIREAT`) to make uses global.
 */
export interface ReplayStore {
  consume(jti: string, expiresAtMs: number, maxUses: number, nowMs: number): ReplayResult | Promise<ReplayResult>;
}

/**
 * A bounded in-memory replay store. When full of live grants it refuses new ones ('full') instead of evicting: an
 * evicted jti could be replayed. Expired entries are dropped lazily when room is needed.
 */
export function createMemoryReplayStore(capacity = 100_000): ReplayStore & { readonly size: number } {
  if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError('replay store capacity must be ≥ 1');
  const seen = new Map<string, { uses: number; expiresAtMs: number }>();
  const prune = (nowMs: number) => {
    for (const [jti, e] of seen) if (e.expiresAtMs < nowMs) seen.delete(jti);
  };
  return {
    get size() {
      return seen.size;
    },
    consume(jti, expiresAtMs, maxUses, nowMs) {
      const entry = seen.get(jti);
      if (entry !== undefined && entry.expiresAtMs >= nowMs) {
        if (entry.uses >= maxUses) return { ok: false, reason: 'replayed' };
        entry.uses++;
        return { ok: true, use: entry.uses };
      }
      if (entry === undefined && seen.size >= capacity) {
        prune(nowMs);
        if (seen.size >= capacity) return { ok: false, reason: 'full' };
      }
      seen.set(jti, { uses: 1, expiresAtMs });
      return { ok: true, use: 1 };
    },
  };
}
