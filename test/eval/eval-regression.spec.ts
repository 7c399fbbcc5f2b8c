// Fails when detection quality drops below the committed baseline (test/eval/baseline.json, written by
// `npm run eval -- --write-baseline`). One point of slack absorbs nothing but rounding: the corpus is seeded.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect } from '@kamen/core';
import { generateCorpus } from './corpus.js';
import { evaluate } from './metrics.js';
import { BASELINE_FILE, EVAL_SEED, headline } from './run.js';

const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, number>;

describe('evaluation regression', () => {
  const now = headline(
    evaluate(generateCorpus({ seed: EVAL_SEED, perLanguage: 300 }), (t) => detect(t, { conflicts: 'merge' })),
  );

  it.each(Object.entries(baseline))('%s stays at or above its baseline (%d)', (metric, floor) => {
    expect(now[metric], metric).toBeGreaterThanOrEqual(floor - 0.01);
  });

  it('meets the project targets: ≥ 95 % strict recall per language, ≤ 5 % of PII-free texts changed', () => {
    expect(now['recall/ja']).toBeGreaterThanOrEqual(0.95);
    expect(now['recall/en']).toBeGreaterThanOrEqual(0.95);
    expect(now['negativesUnchanged/ja']).toBeGreaterThanOrEqual(0.95);
    expect(now['negativesUnchanged/en']).toBeGreaterThanOrEqual(0.95);
  });
});
