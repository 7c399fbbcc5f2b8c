import { detect } from '../engine/detect.js';
import type { Registry } from '../rules/registry.js';
import type { FieldType } from '../types.js';
import { VALUE_CHECKS, foldValue, kanaNameStrength, kanaScriptOf, type KanaScript } from './value-checks.js';

/** How the sample values of one column support each type. */
export interface ValueEvidence {
  /** Non-empty values looked at. */
  readonly count: number;
  /** Per type: share of values that support it (0–1) times their mean strength. */
  readonly support: ReadonlyMap<FieldType, { readonly share: number; readonly score: number }>;
  /** Share of values with PII inside longer text (findings that do not cover the value). */
  readonly partialShare: number;
  /** Majority script of kana values, if any value is kana. */
  readonly kana?: KanaScript;
}

/** Longer values are cut for the evidence: a type is decided by the value's start, free text by any finding. */
const MAX_VALUE = 512;
/** A finding that covers this share of a trimmed value counts as the whole value (山田 太郎 様). */
const WHOLE = 0.75;

/** Index of the last line starting at or before `pos` (findings need not come sorted). */
function rowOf(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Runs detect() once over the values joined by line breaks (one scanner, not one per value) and the per-type
 * whole-value checks over each value.
 */
export function valueEvidence(values: readonly string[], registry: Registry | undefined): ValueEvidence {
  const kept: string[] = [];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (t !== '') kept.push(t.length > MAX_VALUE ? t.slice(0, MAX_VALUE) : t);
  }
  const n = kept.length;
  const sums = new Map<FieldType, { hits: number; strength: number }>();
  const add = (type: FieldType, strength: number): void => {
    const s = sums.get(type);
    if (s === undefined) sums.set(type, { hits: 1, strength });
    else {
      s.hits++;
      s.strength += strength;
    }
  };
  if (n === 0) return { count: 0, support: new Map(), partialShare: 0 };

  // Line breaks inside a value would shift the mapping: flatten them (values are single cells anyway).
  const lines = kept.map((v) => v.replace(/[\r\n\u2028\u2029]/g, ' '));
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const findings = detect(lines.join('\n'), registry === undefined ? {} : { registry });
  const best = new Map<number, Map<FieldType, number>>();
  const partial = new Set<number>();
  for (const f of findings) {
    const row = rowOf(starts, f.start);
    const len = (lines[row] as string).length;
    const covered = (Math.min(f.end - (starts[row] as number), len) - (f.start - (starts[row] as number))) / len;
    if (covered >= WHOLE) {
      const m = best.get(row) ?? new Map<FieldType, number>();
      m.set(f.type, Math.max(m.get(f.type) ?? 0, Math.min(f.score, 0.95)));
      best.set(row, m);
    } else partial.add(row);
  }

  const scripts = new Map<KanaScript, number>();
  for (let i = 0; i < n; i++) {
    const raw = kept[i] as string;
    const folded = foldValue(raw);
    const own = best.get(i) ?? new Map<FieldType, number>();
    for (const check of VALUE_CHECKS) {
      const s = check.strength(folded);
      if (s > 0) own.set(check.type, Math.max(own.get(check.type) ?? 0, s));
    }
    const kana = kanaNameStrength(raw);
    if (kana > 0) {
      own.set('NAME_KANA', Math.max(own.get('NAME_KANA') ?? 0, kana));
      const script = kanaScriptOf(raw);
      if (script !== undefined) scripts.set(script, (scripts.get(script) ?? 0) + 1);
    }
    for (const [type, s] of own) add(type, s);
  }

  const support = new Map<FieldType, { share: number; score: number }>();
  for (const [type, s] of sums) {
    const share = s.hits / n;
    support.set(type, { share, score: share * (s.strength / s.hits) });
  }
  let kana: KanaScript | undefined;
  let most = 0;
  for (const [script, c] of scripts) {
    if (c > most) {
      most = c;
      kana = script;
    }
  }
  return { count: n, support, partialShare: partial.size / n, ...(kana !== undefined ? { kana } : {}) };
}
