/**
 * Strict recall per language on the evaluation corpus, for any library: a labelled value counts as caught only
 * if no fragment of it survives in the library's output (test/eval/metrics.ts isCaught). Also the share of
 * texts without PII that the library changed.
 */
import type { Corpus } from '../test/eval/corpus.js';
import { isCaught } from '../test/eval/metrics.js';
import type { Contender } from './peers.js';

/** Recall and negatives-changed share for one library and language, as fractions. */
export interface RecallRow {
  readonly library: string;
  readonly lang: 'ja' | 'en';
  readonly recall: number;
  readonly spans: number;
  readonly negativesChanged: number;
  readonly negatives: number;
}

export async function measureRecall(c: Contender, corpus: Corpus): Promise<RecallRow[]> {
  const caught = { ja: 0, en: 0 };
  const spans = { ja: 0, en: 0 };
  const changed = { ja: 0, en: 0 };
  const negatives = { ja: 0, en: 0 };
  for (const item of corpus.positives) {
    const output = await c.redact(item.text);
    for (const span of item.spans) {
      spans[item.lang]++;
      if (isCaught(output, span)) caught[item.lang]++;
    }
  }
  for (const n of corpus.negatives) {
    negatives[n.lang]++;
    if (await c.changed(n.text)) changed[n.lang]++;
  }
  return (['ja', 'en'] as const).map((lang) => ({
    library: c.name,
    lang,
    recall: spans[lang] === 0 ? 1 : caught[lang] / spans[lang],
    spans: spans[lang],
    negativesChanged: negatives[lang] === 0 ? 0 : changed[lang] / negatives[lang],
    negatives: negatives[lang],
  }));
}
