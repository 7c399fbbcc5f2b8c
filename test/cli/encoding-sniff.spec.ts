import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { toKatakana } from '@kamen/core';
import { detectEncoding } from '../../packages/cli/src/io/index.js';
import { phoneJa } from '../eval/gen/contact.js';
import { halfWidthKatakana, jaName, nameKana } from '../eval/gen/names.js';
import { int, pick, rng, type Rand } from '../eval/gen/random.js';

// Issue 4: CP932 input whose only non-ASCII bytes are half-width katakana (0xA1–0xDF, one byte each) could be read
// as EUC-JP, where pairs of those bytes are kanji.
const halfWidth = (r: Rand): string => halfWidthKatakana(toKatakana(nameKana(r).value)).replace(/[・\u3000]/g, ' ');
const WORDS = ['ｶﾌﾞｼｷｶﾞｲｼｬ', 'ﾄｳｷｮｳﾄ', 'ｼﾝｼﾞｭｸｸ', 'ｺｰﾎﾟﾚｰｼｮﾝ', 'ｱｲｳｴ', 'ﾃﾞｰﾀ', 'ｷｬﾝｾﾙ', 'ﾆｼｼﾝｼﾞｭｸ'];

/** Rows a legacy export holds: an id, maybe a kanji name, a half-width reading, maybe a phone or a word. */
function cp932Row(r: Rand): string {
  switch (int(r, 0, 3)) {
    case 0:
      return halfWidth(r);
    case 1:
      return `${int(r, 1, 9999)},${halfWidth(r)},${pick(r, WORDS)}`;
    case 2:
      return `E${int(r, 1000, 9999)},${jaName(r).value},${halfWidth(r)},${phoneJa(r).value}`;
    default:
      return pick(r, WORDS);
  }
}

/** EUC-JP rows: a kanji name with a reading in katakana, hiragana or half-width katakana (0x8E + kana byte). */
function eucRow(r: Rand): string {
  const reading = toKatakana(nameKana(r).value);
  const kana = pick(r, [reading, halfWidth(r), nameKana(r).value]);
  return `${jaName(r).value},${kana},${phoneJa(r).value}`;
}

const fits = (text: string): boolean =>
  ['cp932', 'euc-jp'].every((e) => iconv.decode(iconv.encode(text, e), e) === text);

/** `n` rows from seed `seed`, each one both encodings can carry (a row with U+2212 and the like is drawn again). */
function sample(row: (r: Rand) => string, seed: number, n: number): string {
  const r = rng(seed);
  const rows: string[] = [];
  while (rows.length < n) {
    const next = row(r);
    if (fits(next)) rows.push(next);
  }
  return `${rows.join('\n')}\n`;
}

const isUtf8 = (b: Buffer): boolean => Buffer.from(b.toString('utf8'), 'utf8').equals(b);

describe('io: CP932 or EUC-JP (issue 4)', () => {
  it('reads short half-width katakana text as CP932', () => {
    for (const text of ['ｱｲｳｴ\n', 'ﾄｳｷｮｳﾄ ｼﾝｼﾞｭｸｸ\n', 'ｶﾌﾞｼｷｶﾞｲｼｬ', '1,ﾔﾏﾀﾞ ﾀﾛｳ\n2,ｽｽﾞｷ ｲﾁﾛｳ\n'])
      expect(detectEncoding(iconv.encode(text, 'cp932'), true), text).toBe('cp932');
  });

  it('reads generated CP932 text with half-width katakana as CP932 (unless it is also valid UTF-8)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 12 }), (seed, n) => {
        const bytes = iconv.encode(sample(cp932Row, seed, n), 'cp932');
        expect(detectEncoding(bytes, true)).toBe(isUtf8(bytes) ? 'utf-8' : 'cp932');
      }),
    );
  });

  it('still reads EUC-JP as EUC-JP, half-width katakana (0x8E) included', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 12 }), (seed, n) => {
        expect(detectEncoding(iconv.encode(sample(eucRow, seed, n), 'euc-jp'), true)).toBe('euc-jp');
      }),
    );
  });

  it('decides on a cut sample the same way', () => {
    const bytes = iconv.encode(sample(cp932Row, 7, 400), 'cp932');
    expect(detectEncoding(bytes.subarray(0, 1001), false)).toBe('cp932');
    const euc = iconv.encode(sample(eucRow, 7, 400), 'euc-jp');
    expect(detectEncoding(euc.subarray(0, 1001), false)).toBe('euc-jp');
  });
});
