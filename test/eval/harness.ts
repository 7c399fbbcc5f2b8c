// What the evaluation CLI, the regression test and the benchmark share: the seed, corpus sizes, kamen as a
// redactor, and the headline numbers the baseline guards.
import { fileURLToPath } from 'node:url';
import { detect } from '@kamen/core';
import { generateCorpus, type Corpus } from './corpus.js';
import { evaluate, pct, redactSpans, type EvalResult, type Redactor } from './metrics.js';

export const EVAL_SEED = 20261122;
/** Positive texts per language in `npm run eval`. */
export const FULL_SIZE = 1500;
/** Positive texts per language in the regression test and the committed baseline (fast, still every template). */
export const REGRESSION_SIZE = 300;
export const BASELINE_FILE = fileURLToPath(new URL('./baseline.json', import.meta.url));
export const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));

/** The project's targets. */
export const TARGETS = { recallPerLanguage: 0.95, maxNegativesChanged: 0.05 } as const;

export const regressionCorpus = (): Corpus => generateCorpus({ seed: EVAL_SEED, perLanguage: REGRESSION_SIZE });

/** kamen's detect() as a redactor: every finding span is replaced (overlaps merged, as masking does). */
export const kamenRedactor: Redactor = (text) => {
  const spans = detect(text, { conflicts: 'merge' });
  return { output: redactSpans(text, spans), spans };
};

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The numbers the regression test guards: strict recall per language and per entity, negatives, held-out. */
export function headline(result: EvalResult): Record<string, number> {
  const out: Record<string, number> = {
    'recall/ja': pct(result.recall.ja),
    'recall/en': pct(result.recall.en),
    'negativesUnchanged/ja': 1 - pct(result.negativesChanged.ja),
    'negativesUnchanged/en': 1 - pct(result.negativesChanged.en),
    'heldOut/recall': pct(result.heldOut.recall),
    'heldOut/ordinaryKept': pct(result.heldOut.ordinaryKept),
  };
  for (const k of Object.keys(result.recallByEntity).sort()) out[`recall/${k}`] = pct(result.recallByEntity[k]!);
  return Object.fromEntries(Object.entries(out).map(([k, x]) => [k, round(x)]));
}

/** Evaluates kamen on the regression corpus. */
export const evaluateRegression = (): EvalResult => evaluate(regressionCorpus(), kamenRedactor);
