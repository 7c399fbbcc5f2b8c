// Metrics of a redactor on the labelled corpus.
// - Strict recall: a labelled value counts as caught only if NO fragment of it survives in the output (name parts,
//   both sides of an e-mail, every group of 4+ digits), compared after NFKC, so a full-width copy still leaks.
// - Span precision/recall/F1 per entity type and language, type-aware (the finding must have the labelled type) and
//   type-agnostic (any finding overlapping the span counts); findings on PII-free texts are false positives.
// - Negative texts changed: a PII-free text with any finding at all (or, for peers that only return text, any change).
import type { EntityType } from '@kamen/core';
import type { Corpus, Lang, LabelledSpan, LabelledText } from './corpus.js';

/** A span a redactor reported; `type` is absent for redactors that only say "something is here". */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly type?: EntityType | string;
}
/** What a redactor returns for one text: the redacted output, and its spans when it reports them. */
export interface Redaction {
  readonly output: string;
  readonly spans?: readonly Span[];
}
export type Redactor = (text: string) => Redaction;

const nfkc = (s: string): string => s.normalize('NFKC');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when the NFKC form of `fragment` still occurs in the NFKC output. Case is ignored; a fragment that starts
 * or ends with a letter (digit) must not continue into another letter (digit) there, so `Ai` is not found inside
 * `said` and `1234` not inside `512345`, while the digits of `DE89…` are still found after `DE`.
 */
export function survives(output: string, fragment: string): boolean {
  const f = nfkc(fragment);
  if (f.length === 0) return false;
  const edge = (c: string): string => (/\d/.test(c) ? '0-9' : /[a-z]/i.test(c) ? 'A-Za-z' : '');
  const [head, tail] = [edge(f.charAt(0)), edge(f.charAt(f.length - 1))];
  const re = `${head ? `(?<![${head}])` : ''}${escapeRe(f)}${tail ? `(?![${tail}])` : ''}`;
  return new RegExp(re, 'i').test(nfkc(output));
}

/** True when no fragment of the span survives in the output. */
export const isCaught = (output: string, span: Pick<LabelledSpan, 'fragments'>): boolean =>
  span.fragments.every((f) => !survives(output, f));

/** Replaces every span by '█' (what a redactor shows); overlapping spans are merged. */
export function redactSpans(text: string, spans: readonly Span[]): string {
  let out = '';
  let last = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (s.end <= last) continue;
    out += `${text.slice(last, Math.max(last, s.start))}█`;
    last = s.end;
  }
  return out + text.slice(last);
}

export interface Rate {
  hits: number;
  total: number;
}
export interface SpanCounts {
  tp: number;
  fp: number;
  fn: number;
}
/** One labelled value that leaked, for the miss report. */
export interface Miss {
  readonly type: EntityType;
  readonly lang: Lang;
  readonly value: string;
  readonly template: string;
  readonly text: string;
  readonly output: string;
}
export interface EvalResult {
  /** Strict recall per language. */
  readonly recall: Record<Lang, Rate>;
  /** Strict recall per `TYPE/lang`. */
  readonly recallByEntity: Record<string, Rate>;
  /** Type-aware span counts per `TYPE/lang` (undefined when the redactor reports no spans). */
  readonly spans?: Record<string, SpanCounts>;
  /** Type-agnostic span counts per language. */
  readonly spansAnyType?: Record<Lang, SpanCounts>;
  /** PII-free texts changed (any finding at all), per language. */
  readonly negativesChanged: Record<Lang, Rate>;
  /** The held-out privacy policy: strict recall of its contact block, and ordinary lines that survived unchanged. */
  readonly heldOut: { recall: Rate; ordinaryKept: Rate };
  readonly misses: Miss[];
  /** PII-free texts that were changed, with what was found. */
  readonly falsePositives: { lang: Lang; text: string; found: string[] }[];
}

const rate = (): Rate => ({ hits: 0, total: 0 });
const counts = (): SpanCounts => ({ tp: 0, fp: 0, fn: 0 });
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
export const pct = (r: Rate): number => (r.total === 0 ? 1 : r.hits / r.total);
export const precision = (c: SpanCounts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const spanRecall = (c: SpanCounts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1 = (c: SpanCounts): number => {
  const p = precision(c);
  const r = spanRecall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/** Evaluates a redactor on a corpus. */
export function evaluate(corpus: Corpus, redactor: Redactor): EvalResult {
  const recall = { ja: rate(), en: rate() };
  const recallByEntity: Record<string, Rate> = {};
  let spans: Record<string, SpanCounts> | undefined;
  let spansAnyType: Record<Lang, SpanCounts> | undefined;
  const misses: Miss[] = [];
  const falsePositives: EvalResult['falsePositives'] = [];
  const heldOut = { recall: rate(), ordinaryKept: rate() };

  const countSpans = (lang: Lang, labelled: readonly LabelledSpan[], found: readonly Span[]): void => {
    spans ??= {};
    spansAnyType ??= { ja: counts(), en: counts() };
    const s = spans;
    const typed = (t: string): SpanCounts => (s[`${t}/${lang}`] ??= counts());
    for (const l of labelled) {
      typed(l.type)[found.some((f) => f.type === l.type && overlaps(f, l)) ? 'tp' : 'fn']++;
      spansAnyType[lang][found.some((f) => overlaps(f, l)) ? 'tp' : 'fn']++;
    }
    for (const f of found) {
      if (!labelled.some((l) => l.type === f.type && overlaps(f, l))) typed(f.type ?? 'UNTYPED').fp++;
      if (!labelled.some((l) => overlaps(f, l))) spansAnyType[lang].fp++;
    }
  };

  const scoreText = (item: LabelledText, into: Rate | undefined): void => {
    const red = redactor(item.text);
    for (const span of item.spans) {
      const caught = isCaught(red.output, span);
      if (into !== undefined) {
        into.total++;
        if (caught) into.hits++;
      } else {
        const r = (recallByEntity[`${span.type}/${item.lang}`] ??= rate());
        r.total++;
        recall[item.lang].total++;
        if (caught) {
          r.hits++;
          recall[item.lang].hits++;
        }
      }
      if (!caught)
        misses.push({ ...span, lang: item.lang, template: item.template, text: item.text, output: red.output });
    }
    if (red.spans !== undefined && into === undefined) countSpans(item.lang, item.spans, red.spans);
  };

  for (const item of corpus.positives) scoreText(item, undefined);
  const negativesChanged = { ja: rate(), en: rate() };
  for (const n of corpus.negatives) {
    const red = redactor(n.text);
    negativesChanged[n.lang].total++;
    const changed = red.spans !== undefined ? red.spans.length > 0 : red.output !== n.text;
    if (changed) {
      negativesChanged[n.lang].hits++;
      const found = red.spans?.map((s) => `${s.type ?? '?'}:${n.text.slice(s.start, s.end)}`) ?? [red.output];
      falsePositives.push({ lang: n.lang, text: n.text, found });
    }
    if (red.spans !== undefined) countSpans(n.lang, [], red.spans);
  }
  for (const doc of corpus.heldOut) {
    scoreText(doc, heldOut.recall);
    const out = redactor(doc.text).output;
    const lines = new Set(out.split('\n'));
    for (const line of doc.ordinary) {
      heldOut.ordinaryKept.total++;
      if (lines.has(line)) heldOut.ordinaryKept.hits++;
    }
  }
  return { recall, recallByEntity, spans, spansAnyType, negativesChanged, heldOut, misses, falsePositives };
}
