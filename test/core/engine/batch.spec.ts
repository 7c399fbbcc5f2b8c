import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detect, detectMany, getDefaultRegistry, type DetectCallOptions, type Detector } from '@kamen/core';
import { BLOCK_SIZE } from '../../../packages/core/src/engine/scanner.js';
import { generateCorpus } from '../../eval/corpus.js';

const asIs = (texts: readonly string[], options?: DetectCallOptions): unknown => texts.map((t) => detect(t, options));

// Text dense in what the rules look for, in both languages, with and without PII.
const piece = fc.oneof(
  fc.constantFrom(
    '山田 太郎',
    '氏名：佐藤花子',
    'フリガナ ヤマダ タロウ',
    'John Smith',
    'Dear Ms. Jane Roe,',
    'TEL 03-1234-5678',
    '090-1234-5678',
    'yamada@example.com',
    '〒100-0001 東京都千代田区千代田1-1',
    '個人番号 1234 5678 9018',
    '生年月日 昭和60年4月1日',
    'DOB: 1985-04-01',
    '注文番号 123456789018',
    '営業部',
    '部長',
    '2024-04-01',
    '¥350,000',
    ' ',
    '\n',
    '。',
  ),
  fc.string({ maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
const options = fc.constantFrom<DetectCallOptions | undefined>(
  undefined,
  { conflicts: 'merge' },
  { conflicts: 'none', threshold: 0.3 },
  { explain: true },
  { entities: ['PERSON_NAME', 'PHONE'] },
);

describe('detectMany', () => {
  it('finds for each text what detect() finds, for any texts and options', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 80 }), options, (texts, o) => {
        expect(detectMany(texts, o)).toEqual(asIs(texts, o));
      }),
      { numRuns: 150 },
    );
  });

  it('matches detect() on the evaluation corpus, and on empty and multi-block texts between short ones', () => {
    const corpus = generateCorpus({ seed: 11, perLanguage: 60 });
    const texts = [...corpus.positives.map((p) => p.text), ...corpus.negatives.map((n) => n.text)];
    let long = texts.join('\n');
    while (long.length <= 2 * BLOCK_SIZE) long = `${long}\n${long}`;
    expect(long.length).toBeGreaterThan(BLOCK_SIZE);
    const mixed = [...texts.slice(0, 70), '', long, ...texts.slice(70)];
    expect(detectMany(mixed, { conflicts: 'merge' })).toEqual(asIs(mixed, { conflicts: 'merge' }));
    expect(detectMany(texts, { explain: true })).toEqual(asIs(texts, { explain: true }));
  });

  it('drains a detector that yields lazily before the next detector runs, with the same findings', () => {
    // A generator reading shared state: drained when scanned, as detect() reads it before the next detector runs.
    let calls = 0;
    const lazy: Detector = {
      id: 'test.lazy',
      entity: 'PERSON_NAME',
      languages: ['en'],
      context: undefined,
      minScore: 0,
      *scan(input) {
        const at = input.text.indexOf('Zed');
        calls++;
        if (at >= 0) yield { start: at, end: at + 3, score: 0.9, pattern: 'zed' };
      },
    };
    const base = getDefaultRegistry();
    const registry = { rules: base.rules, detectors: [...base.detectors, lazy] };
    const texts = ['Zed here', 'no one', 'ask Zed'];
    expect(detectMany(texts, { registry })).toEqual(asIs(texts, { registry }));
    expect(calls).toBe(6);
  });
});
