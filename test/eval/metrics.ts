// Strict recall: a labelled value counts as caught only if NO fragment of it survives in the output (compared
// after NFKC, so full-width copies count as surviving).
import type { EntityType, Finding } from '@kamen/core';
import type { Corpus, LabelledSpan } from './corpus.js';

const nfkc = (s: string): string => s.normalize('NFKC');

/** True when no fragment of the span (NFKC) survives in the output (NFKC). */
export function isCaught(output: string, span: LabelledSpan): boolean {
  const out = nfkc(output);
  return span.fragments.every((f) => !out.includes(nfkc(f)));
}

/** Replaces every range by '█' (what a redactor shows). */
export function redactRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  let out = '';
  let last = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < last) {
      last = Math.max(last, r.end);
      continue;
    }
    out += `${text.slice(last, r.start)}█`;
    last = r.end;
  }
  return out + text.slice(last);
}

export interface Rate {
  hits: number;
  total: number;
}
export interface EvalResult {
  /** Strict recall per language. */
  readonly recall: Record<'ja' | 'en', Rate>;
  /** Strict recall per entity type and language. */
  readonly recallByEntity: Record<string, Rate>;
  /** Type-aware span precision/recall per entity type (a finding overlapping a labelled span of its type). */
  readonly spans: Record<string, { tp: number; fp: number; fn: number }>;
  /** Negative texts that got any finding at all, per language. */
  readonly negativesChanged: Record<'ja' | 'en', Rate>;
}

const rate = (): Rate => ({ hits: 0, total: 0 });
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

export function evaluate(corpus: Corpus, detectFn: (text: string) => readonly Finding[]): EvalResult {
  const recall = { ja: rate(), en: rate() };
  const recallByEntity: Record<string, Rate> = {};
  const spans: Record<string, { tp: number; fp: number; fn: number }> = {};
  const spanStat = (t: EntityType) => (spans[t] ??= { tp: 0, fp: 0, fn: 0 });
  for (const item of corpus.positives) {
    const findings = detectFn(item.text);
    const output = redactRanges(item.text, findings);
    for (const span of item.spans) {
      const caught = isCaught(output, span);
      const key = `${span.type}/${item.lang}`;
      const r = (recallByEntity[key] ??= rate());
      r.total++;
      recall[item.lang].total++;
      if (caught) {
        r.hits++;
        recall[item.lang].hits++;
      }
      if (findings.some((f) => f.type === span.type && overlaps(f, span))) spanStat(span.type).tp++;
      else spanStat(span.type).fn++;
    }
    for (const f of findings) if (!item.spans.some((s) => s.type === f.type && overlaps(f, s))) spanStat(f.type).fp++;
  }
  const negativesChanged = { ja: rate(), en: rate() };
  for (const n of corpus.negatives) {
    negativesChanged[n.lang].total++;
    if (detectFn(n.text).length > 0) negativesChanged[n.lang].hits++;
  }
  return { recall, recallByEntity, spans, negativesChanged };
}

export const pct = (r: Rate): number => (r.total === 0 ? 1 : r.hits / r.total);
