/**
 * Benchmark input: HR free text built by concatenating the labelled evaluation corpus (texts with and without
 * PII, shuffled with a seed) into documents of a few KB, the size of a ticket thread or a memo.
 */
import { generateCorpus } from '../test/eval/corpus.js';
import { rng } from '../test/eval/gen/random.js';

export type BenchLang = 'ja' | 'en' | 'mixed';

/** A list of documents and their total UTF-8 size. */
export interface BenchInput {
  readonly lang: BenchLang;
  readonly docs: readonly string[];
  readonly bytes: number;
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * Builds ≥ `minBytes` of text per language (and a mixed set interleaving both), seeded. Documents are
 * ~`docBytes` long: corpus texts joined by newlines, positives and negatives in seeded random order.
 */
export function buildInputs(options: { seed: number; minBytes: number; docBytes?: number }): BenchInput[] {
  const docBytes = options.docBytes ?? 2048;
  // 2,000 texts per language give enough variety; the pool is cycled in a fresh shuffle until the size is reached.
  const corpus = generateCorpus({ seed: options.seed, perLanguage: 2000 });
  const pools: Record<BenchLang, string[]> = { ja: [], en: [], mixed: [] };
  for (const t of [...corpus.positives, ...corpus.negatives]) {
    pools[t.lang as 'ja' | 'en'].push(t.text);
    pools.mixed.push(t.text);
  }
  const r = rng(options.seed ^ 0x5eed);
  return (['ja', 'en', 'mixed'] as const).map((lang) => {
    const pool = pools[lang];
    const docs: string[] = [];
    let total = 0;
    let doc: string[] = [];
    let size = 0;
    while (total < options.minBytes) {
      const text = pool[Math.floor(r() * pool.length)] as string;
      doc.push(text);
      size += utf8(text) + 1;
      if (size >= docBytes) {
        const d = doc.join('\n');
        docs.push(d);
        total += utf8(d);
        doc = [];
        size = 0;
      }
    }
    return { lang, docs, bytes: total };
  });
}

/** The first documents of `input` adding up to at least `bytes` (for libraries too slow to run on all of it). */
export function sample(input: BenchInput, bytes: number): BenchInput {
  if (bytes >= input.bytes) return input;
  const docs: string[] = [];
  let total = 0;
  for (const d of input.docs) {
    if (total >= bytes) break;
    docs.push(d);
    total += utf8(d);
  }
  return { lang: input.lang, docs, bytes: total };
}
