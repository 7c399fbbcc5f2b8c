// npm run eval: strict recall, span precision/recall/F1 per entity type and language, PII-free texts changed and
// the held-out privacy policy, on the seeded labelled corpus. Prints a table, writes test/eval/results.json.
// `--write-baseline` also stores the regression corpus's headline numbers in test/eval/baseline.json.
// `--size=N` sets the positive texts per language (default FULL_SIZE).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.js';
import {
  BASELINE_FILE,
  EVAL_SEED,
  FULL_SIZE,
  RESULTS_FILE,
  TARGETS,
  evaluateRegression,
  headline,
  kamenRedactor,
} from './harness.js';
import { evaluate, f1, pct, precision, spanRecall, type EvalResult, type Miss, type SpanCounts } from './metrics.js';

const f = (x: number): string => `${(x * 100).toFixed(1)}%`;
const zero: SpanCounts = { tp: 0, fp: 0, fn: 0 };

/** The results table as Markdown lines. */
export function formatResult(result: EvalResult): string[] {
  const lines = [
    '| entity | lang | n | strict recall | precision | span recall | F1 |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const keys = new Set([...Object.keys(result.recallByEntity), ...Object.keys(result.spans ?? {})]);
  for (const key of [...keys].sort()) {
    const [type, lang] = key.split('/') as [string, string];
    const r = result.recallByEntity[key];
    const s = result.spans?.[key] ?? zero;
    lines.push(
      `| ${type} | ${lang} | ${r?.total ?? 0} | ${r ? f(pct(r)) : '—'} | ${f(precision(s))} | ${f(spanRecall(s))} | ${f(f1(s))} |`,
    );
  }
  for (const lang of ['ja', 'en'] as const) {
    const s = result.spansAnyType?.[lang] ?? zero;
    lines.push(
      `| any type | ${lang} | ${result.recall[lang].total} | ${f(pct(result.recall[lang]))} | ${f(precision(s))} | ${f(spanRecall(s))} | ${f(f1(s))} |`,
    );
  }
  return lines;
}

const window = (s: string, at: number, len: number, pad = 30): string =>
  `${at > pad ? '…' : ''}${s.slice(Math.max(0, at - pad), at + len + pad)}${at + len + pad < s.length ? '…' : ''}`;

/** Up to `per` leaked values per entity type and language (held-out separately), most frequent first. */
export function missExamples(misses: readonly Miss[], per = 3): string[] {
  const byKey = new Map<string, Miss[]>();
  for (const m of misses) {
    const key = `${m.type}/${m.lang}${m.template === 'privacy-policy' ? ' (held-out)' : ''}`;
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
  }
  const out: string[] = [];
  for (const [key, list] of [...byKey].sort((a, b) => b[1].length - a[1].length)) {
    out.push(`${key}: ${list.length} leaked`);
    for (const m of list.slice(0, per)) {
      const at = m.text.indexOf(m.value);
      const leak = m.output.normalize('NFKC').indexOf(m.value.normalize('NFKC').slice(0, 4));
      out.push(
        `  ${JSON.stringify(m.value)} in ${JSON.stringify(window(m.text, at, m.value.length))}\n` +
          `    -> ${JSON.stringify(window(m.output.normalize('NFKC'), Math.max(0, leak), m.value.length))}`,
      );
    }
  }
  return out;
}

function main(): void {
  const sizeArg = process.argv.find((a) => a.startsWith('--size='));
  const perLanguage = sizeArg ? Number(sizeArg.slice(7)) : FULL_SIZE;
  const corpus = generateCorpus({ seed: EVAL_SEED, perLanguage });
  const t0 = performance.now();
  const result = evaluate(corpus, kamenRedactor);
  const ms = performance.now() - t0;
  console.log(
    `kamen evaluation (seed ${EVAL_SEED}): ${corpus.positives.length} labelled texts, ` +
      `${corpus.negatives.length} texts without PII, ${corpus.heldOut.length} held-out documents (${ms.toFixed(0)} ms)\n`,
  );
  console.log(formatResult(result).join('\n'));
  const [rja, ren] = [pct(result.recall.ja), pct(result.recall.en)];
  const [nja, nen] = [pct(result.negativesChanged.ja), pct(result.negativesChanged.en)];
  const ok = (b: boolean): string => (b ? 'meets target' : 'BELOW TARGET');
  console.log(`\nstrict recall: ja ${f(rja)}, en ${f(ren)} (${ok(Math.min(rja, ren) >= TARGETS.recallPerLanguage)})`);
  console.log(
    `texts without PII changed: ja ${f(nja)}, en ${f(nen)} (${ok(Math.max(nja, nen) <= TARGETS.maxNegativesChanged)})`,
  );
  console.log(
    `held-out privacy policy: contact-block recall ${f(pct(result.heldOut.recall))}, ` +
      `ordinary lines kept ${f(pct(result.heldOut.ordinaryKept))}`,
  );
  console.log('\nLeaked values (examples):');
  console.log(missExamples(result.misses).join('\n') || '  none');
  console.log('\nPII-free texts changed (examples):');
  for (const fp of result.falsePositives.slice(0, 10))
    console.log(`  ${JSON.stringify(fp.text)} -> ${fp.found.join(', ')}`);
  const { misses, falsePositives, ...metrics } = result;
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ seed: EVAL_SEED, perLanguage, headline: headline(result), ...metrics, misses: misses.slice(0, 200), falsePositives: falsePositives.slice(0, 100) }, null, 2)}\n`,
  );
  console.log(`\nwrote ${RESULTS_FILE}`);
  if (process.argv.includes('--write-baseline')) {
    writeFileSync(BASELINE_FILE, `${JSON.stringify(headline(evaluateRegression()), null, 2)}\n`);
    console.log(`wrote ${BASELINE_FILE}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
