// npm run eval: precision / recall / F1 per entity type and language on the generated labelled corpus.
// `--write-baseline` stores the headline numbers in test/eval/baseline.json for the regression test.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detect } from '@kamen/core';
import { generateCorpus } from './corpus.js';
import { evaluate, pct, type EvalResult } from './metrics.js';

export const EVAL_SEED = 20261122;
export const BASELINE_FILE = fileURLToPath(new URL('./baseline.json', import.meta.url));

/** The numbers the regression test guards: strict recall per language and entity, negatives unchanged. */
export function headline(result: EvalResult): Record<string, number> {
  const out: Record<string, number> = {
    'recall/ja': pct(result.recall.ja),
    'recall/en': pct(result.recall.en),
    'negativesUnchanged/ja': 1 - pct(result.negativesChanged.ja),
    'negativesUnchanged/en': 1 - pct(result.negativesChanged.en),
  };
  for (const [k, r] of Object.entries(result.recallByEntity)) out[`recall/${k}`] = pct(r);
  return Object.fromEntries(Object.entries(out).map(([k, x]) => [k, Math.round(x * 1000) / 1000]));
}

function main(): void {
  const perLanguage = Number(process.argv.find((a) => a.startsWith('--size='))?.slice(7) ?? 1000);
  const corpus = generateCorpus({ seed: EVAL_SEED, perLanguage });
  const result = evaluate(corpus, (t) => detect(t, { conflicts: 'merge' }));
  const f = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(
    `kamen evaluation: ${corpus.positives.length} labelled texts, ${corpus.negatives.length} texts without PII\n`,
  );
  console.log('| entity | lang | strict recall | span precision | span recall | F1 |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const key of Object.keys(result.recallByEntity).sort()) {
    const [type, lang] = key.split('/') as [string, string];
    const s = result.spans[type] ?? { tp: 0, fp: 0, fn: 0 };
    const p = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    const r = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
    console.log(
      `| ${type} | ${lang} | ${f(pct(result.recallByEntity[key]!))} | ${f(p)} | ${f(r)} | ${f(p + r === 0 ? 0 : (2 * p * r) / (p + r))} |`,
    );
  }
  console.log(`\nstrict recall: ja ${f(pct(result.recall.ja))}, en ${f(pct(result.recall.en))}`);
  console.log(
    `texts without PII changed: ja ${f(pct(result.negativesChanged.ja))}, en ${f(pct(result.negativesChanged.en))}`,
  );
  if (process.argv.includes('--write-baseline')) {
    writeFileSync(
      BASELINE_FILE,
      `${JSON.stringify(headline(evaluate(generateCorpus({ seed: EVAL_SEED, perLanguage: 300 }), (t) => detect(t, { conflicts: 'merge' }))), null, 2)}\n`,
    );
    console.log(`wrote ${BASELINE_FILE}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
