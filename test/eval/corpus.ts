// The labelled evaluation corpus: short Japanese and English HR texts with every PII span labelled, texts without
// PII that must come through unchanged, and a held-out privacy-policy document. Seeded and deterministic: the same
// options give the same corpus, so metrics can be compared run to run.
import type { EntityType } from '@kamen/core';
import { int, pick, rng, type Rand, type Value } from './gen/random.js';
import { isCaught, redactSpans } from './metrics.js';
import { negativeText } from './negatives.js';
import { POLICY_SLOTS, PRIVACY_POLICY } from './privacy-policy.js';
import { EN_TEMPLATES, JA_TEMPLATES, SLOTS } from './templates.js';

export type Lang = 'ja' | 'en';

/** One labelled PII value in a text. */
export interface LabelledSpan {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** Pieces of the value that must not survive masking (name parts, both sides of an e-mail, 4+ digit groups). */
  readonly fragments: readonly string[];
}
export interface LabelledText {
  readonly lang: Lang;
  readonly text: string;
  readonly spans: readonly LabelledSpan[];
  /** Which template produced it (for miss reports). */
  readonly template: string;
}
export interface HeldOutDocument extends LabelledText {
  /** Lines with no PII that must survive unchanged. */
  readonly ordinary: readonly string[];
}
export interface Corpus {
  readonly positives: readonly LabelledText[];
  readonly negatives: readonly { readonly lang: Lang; readonly text: string }[];
  readonly heldOut: readonly HeldOutDocument[];
}

type Slots = Record<string, [EntityType, (r: Rand) => Value]>;

function fillOnce(r: Rand, lang: Lang, template: string, slots: Slots): LabelledText {
  const spans: LabelledSpan[] = [];
  let text = '';
  let last = 0;
  for (const m of template.matchAll(/\{([A-Z]+)\}/g)) {
    const slot = slots[m[1] as string];
    if (slot === undefined) throw new Error(`unknown slot ${m[0]} in template`);
    text += template.slice(last, m.index);
    const [type, gen] = slot;
    const v = gen(r);
    spans.push({ type, start: text.length, end: text.length + v.value.length, value: v.value, fragments: v.fragments });
    text += v.value;
    last = m.index + m[0].length;
  }
  return { lang, text: text + template.slice(last), spans, template };
}

/**
 * Fills every `{KEY}` of a template with a generated value and records its span. A draw whose fragment also
 * occurs outside the labelled spans (the surname 渋谷 next to 渋谷支店) is drawn again: no redactor could hide it,
 * so it would measure the corpus, not the redactor.
 */
export function fillTemplate(r: Rand, lang: Lang, template: string, slots: Slots = SLOTS): LabelledText {
  for (let attempt = 0; ; attempt++) {
    const t = fillOnce(r, lang, template, slots);
    const redacted = redactSpans(t.text, t.spans);
    if (attempt >= 50 || t.spans.every((s) => isCaught(redacted, s))) return t;
  }
}

export interface CorpusOptions {
  readonly seed: number;
  /** Positive texts per language; negatives are half as many per language. */
  readonly perLanguage: number;
  /** Variants of the held-out privacy policy (default 10). */
  readonly heldOut?: number;
}

/** A seeded corpus. Every template is used before any is repeated, so small corpora still cover all of them. */
export function generateCorpus(options: CorpusOptions): Corpus {
  const r = rng(options.seed);
  const positives: LabelledText[] = [];
  for (const [lang, templates] of [
    ['ja', JA_TEMPLATES],
    ['en', EN_TEMPLATES],
  ] as const) {
    for (let i = 0; i < options.perLanguage; i++) {
      const template = i < templates.length ? (templates[i] as string) : pick(r, templates);
      positives.push(fillTemplate(r, lang, template));
    }
  }
  const negatives: { lang: Lang; text: string }[] = [];
  for (let i = 0; i < Math.ceil(options.perLanguage / 2); i++) {
    negatives.push({ lang: 'ja', text: negativeText(r, 'ja') }, { lang: 'en', text: negativeText(r, 'en') });
  }
  const ordinary = PRIVACY_POLICY.split('\n').filter((l) => l.trim() !== '' && !l.includes('{'));
  const heldOut: HeldOutDocument[] = [];
  for (let i = 0; i < (options.heldOut ?? 10); i++) {
    const doc = fillTemplate(rng(int(r, 1, 2 ** 31)), 'ja', PRIVACY_POLICY, { ...SLOTS, ...POLICY_SLOTS });
    heldOut.push({ ...doc, template: 'privacy-policy', ordinary });
  }
  return { positives, negatives, heldOut };
}
