/** What one batch (or the whole run) did: plain data, sent back from workers and merged in order. */
export interface MaskStats {
  records: number;
  /** Values changed per type: a classified column's cell or a finding inside free text. */
  byType: Record<string, number>;
  /** Values changed per column / path, then per type. */
  byField: Record<string, Record<string, number>>;
}

export const emptyStats = (): MaskStats => ({ records: 0, byType: {}, byField: {} });

/** Distinct fields counted one by one; JSON objects keyed by data (an e-mail per record) share one bucket beyond. */
export const MAX_FIELDS = 1000;
export const OTHER_FIELDS = '(other fields)';

export function countMasked(stats: MaskStats, field: string, type: string, n = 1): void {
  stats.byType[type] = (stats.byType[type] ?? 0) + n;
  const key = field in stats.byField || Object.keys(stats.byField).length < MAX_FIELDS ? field : OTHER_FIELDS;
  const f = (stats.byField[key] ??= {});
  f[type] = (f[type] ?? 0) + n;
}

export function mergeStats(into: MaskStats, from: MaskStats): void {
  into.records += from.records;
  for (const [t, n] of Object.entries(from.byType)) into.byType[t] = (into.byType[t] ?? 0) + n;
  for (const [f, types] of Object.entries(from.byField)) {
    const key = f in into.byField || Object.keys(into.byField).length < MAX_FIELDS ? f : OTHER_FIELDS;
    const dst = (into.byField[key] ??= {});
    for (const [t, n] of Object.entries(types)) dst[t] = (dst[t] ?? 0) + n;
  }
}
