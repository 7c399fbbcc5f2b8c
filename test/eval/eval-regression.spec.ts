// Fails when detection quality drops below the committed baseline (test/eval/baseline.json, written by
// `npm run eval -- --write-baseline`). The corpus is seeded, so a drop is a real change, never noise; one point of
// slack lets a rule trade a single value for a better one elsewhere.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '@kamen/core';
import { generateCorpus } from './corpus.js';
import { BASELINE_FILE, EVAL_SEED, evaluateRegression, headline, regressionCorpus } from './harness.js';
import { isCaught, redactSpans, survives } from './metrics.js';

const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, number>;

describe('evaluation regression', () => {
  const now = headline(evaluateRegression());

  it.each(Object.entries(baseline))('%s stays at or above its baseline (%d)', (metric, floor) => {
    expect(now[metric], `${metric} is no longer measured`).toBeDefined();
    expect(now[metric], metric).toBeGreaterThanOrEqual(floor - 0.01);
  });
});

describe('evaluation corpus', () => {
  const corpus = regressionCorpus();

  it('is deterministic for a seed', () => {
    const again = generateCorpus({ seed: EVAL_SEED, perLanguage: 50 });
    expect(generateCorpus({ seed: EVAL_SEED, perLanguage: 50 })).toEqual(again);
    expect(generateCorpus({ seed: EVAL_SEED + 1, perLanguage: 50 }).positives).not.toEqual(again.positives);
  });

  it('labels every entity type, in spans that hold exactly the value', () => {
    const seen = new Set(corpus.positives.flatMap((p) => p.spans.map((s) => s.type)));
    expect([...ENTITY_TYPES].filter((t) => !seen.has(t))).toEqual([]);
    for (const p of [...corpus.positives, ...corpus.heldOut]) {
      for (const s of p.spans) {
        expect(p.text.slice(s.start, s.end)).toBe(s.value);
        expect(s.fragments.length).toBeGreaterThan(0);
        // Unredacted, every value leaks; with every labelled span redacted, none does.
        expect(isCaught(p.text, s), s.value).toBe(false);
        expect(isCaught(redactSpans(p.text, p.spans), s), s.value).toBe(true);
      }
    }
  });

  it('has PII-free texts in both languages and a held-out document with ordinary lines', () => {
    expect(new Set(corpus.negatives.map((n) => n.lang))).toEqual(new Set(['ja', 'en']));
    expect(corpus.heldOut.length).toBeGreaterThan(0);
    for (const doc of corpus.heldOut) for (const line of doc.ordinary) expect(doc.text).toContain(line);
  });
});

describe('strict matching', () => {
  it('compares after NFKC, ignores case, and matches Latin and digit fragments as whole words', () => {
    expect(survives('番号 １２３４ です', '1234')).toBe(true);
    expect(survives('番号 512345 です', '1234')).toBe(false);
    expect(survives('she said so', 'Ai')).toBe(false);
    expect(survives('YAMADA Taro', 'Yamada')).toBe(true);
    expect(survives('ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ')).toBe(true);
  });
});
