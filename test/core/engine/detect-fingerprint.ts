/**
 * A fingerprint of detect()'s findings on a few MB of generated Japanese, English and mixed HR text and on seeded
 * fast-check strings dense in what the rules look for. Speed work on the engine, rules and detectors must leave
 * every finding (type, start, end, score, ruleId) as it was: detect-fingerprint.spec.ts compares this tree's
 * fingerprint with the one recorded from the build before that work (fixtures/detect-fingerprint.json).
 * Regenerate (only when findings are meant to change): `npx tsx test/core/engine/detect-fingerprint.ts --write`.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { generateCorpus } from '../../eval/corpus.js';
import { rng } from '../../eval/gen/random.js';

interface FindingLike {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly ruleId: string;
}
type DetectFn = (text: string, options?: object) => readonly FindingLike[];

export interface Fingerprint {
  /** One SHA-256 per group of texts, so a mismatch names the group to look at. */
  readonly groups: Record<string, string>;
  readonly findings: number;
}

const OPTIONS: readonly [string, object | undefined][] = [
  ['default', undefined],
  ['merge', { conflicts: 'merge' }],
  ['none', { conflicts: 'none', threshold: 0.3 }],
];

/** Corpus texts joined into documents of ~2 KB (and a few past one 4 KB block), seeded, as bench/inputs.ts does. */
function documents(seed: number, perLanguage: number): Record<string, string[]> {
  const corpus = generateCorpus({ seed, perLanguage });
  const pools: Record<string, string[]> = { ja: [], en: [], mixed: [] };
  for (const t of [...corpus.positives, ...corpus.negatives]) {
    pools[t.lang]?.push(t.text);
    pools.mixed?.push(t.text);
  }
  const r = rng(seed ^ 0x5eed);
  const out: Record<string, string[]> = {};
  for (const [lang, pool] of Object.entries(pools)) {
    const docs: string[] = [];
    for (let d = 0; d < 600; d++) {
      const target = d % 20 === 0 ? 9000 : 2048;
      let doc = '';
      while (doc.length < target / (lang === 'en' ? 1 : 1.6)) doc += `${pool[Math.floor(r() * pool.length)] ?? ''}\n`;
      docs.push(doc);
    }
    out[lang] = docs;
  }
  out.heldOut = corpus.heldOut.map((h) => h.text);
  return out;
}

const piece = fc.oneof(
  fc.constantFrom(
    '山田 太郎',
    '氏名：佐藤花子',
    '田中一郎様',
    'フリガナ ヤマダ タロウ',
    'すずき はなこ',
    'John Smith',
    'Dear Ms. Jane Roe,',
    'Taro YAMADA',
    'TEL 03-1234-5678',
    '090-1234-5678',
    '+81 90 1234 5678',
    'yamada@example.com',
    '〒100-0001 東京都千代田区千代田1-1',
    '1-2-3 Chiyoda, Chiyoda-ku, Tokyo 100-0001',
    '123 Main St, Springfield, IL 62704',
    '個人番号 1234 5678 9018',
    '123456789018',
    '4111 1111 1111 1111',
    '123-45-6789',
    '192.168.0.1',
    'GB82 WEST 1234 5698 7654 32',
    '生年月日 昭和60年4月1日',
    'DOB: 1985-04-01',
    'April 1, 1985',
    '口座番号 1234567',
    '営業部',
    '部長',
    '¥350,000',
    '１２３４',
    ' ',
    '\n',
    '。',
    ':',
    '-',
  ),
  fc.string({ maxLength: 6 }),
  fc.stringMatching(/^[0-9 -]{1,16}$/),
);
const denseText = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));

/** Seeded, so every run and every build sees the same strings. */
function generatedStrings(): string[] {
  return fc.sample(denseText, { seed: 20261201, numRuns: 4000 });
}

function digest(detect: DetectFn, texts: readonly string[], options: object | undefined): [string, number] {
  const h = createHash('sha256');
  let n = 0;
  for (const t of texts) {
    const fs = detect(t, options);
    n += fs.length;
    h.update(fs.map((f) => `${f.type},${f.start},${f.end},${f.score},${f.ruleId}`).join(';'));
    h.update('\n');
  }
  return [h.digest('hex'), n];
}

export function fingerprint(detect: DetectFn): Fingerprint {
  const groups: Record<string, string> = {};
  let findings = 0;
  const sets: [string, readonly string[]][] = [
    ...Object.entries(documents(20261201, 700)),
    ['fast-check', generatedStrings()],
  ];
  for (const [name, texts] of sets) {
    for (let i = 0; i < texts.length; i += 100) {
      const slice = texts.slice(i, i + 100);
      for (const [label, options] of OPTIONS) {
        // Every option set on the fast-check strings; the corpus documents with the default and merge only.
        if (label === 'none' && name !== 'fast-check') continue;
        const [hash, n] = digest(detect, slice, options);
        groups[`${name}/${i}/${label}`] = hash;
        findings += n;
      }
    }
  }
  return { groups, findings };
}

export const FIXTURE = new URL('./fixtures/detect-fingerprint.json', import.meta.url);

if (process.argv.includes('--write')) {
  const from = process.argv.find((a) => a.startsWith('--core='))?.slice('--core='.length);
  const core = (await import(from ?? '../../../packages/core/src/index.js')) as { detect: DetectFn };
  writeFileSync(FIXTURE, `${JSON.stringify(fingerprint(core.detect), null, 2)}\n`);
}
