import { describe, expect, it } from 'vitest';
import { normalizeText } from '@kamen/core';
import { keeps } from '../../../packages/core/src/text/kept-units.js';
import { normalizeText as normalizeBefore } from './oracle/normalize-before.js';

describe('keeps', () => {
  // A kept unit between full-width digits goes through the one-to-one path, between half-width kana with a voicing
  // mark through the cluster path: both must give the text and offsets of the table-only oracle.
  it('holds only for units whose matching copy the tables make themselves, on both paths', () => {
    const wrong: number[] = [];
    let kept = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (!keeps(c)) continue;
      kept++;
      const unit = String.fromCharCode(c);
      for (const text of [`０${unit}０`, `ｶﾞ${unit}ｶ`]) {
        const now = normalizeText(text);
        const before = normalizeBefore(text);
        let same = now.text === before.text && now.identity === before.identity;
        for (let i = 0; same && i <= now.text.length; i++) {
          same =
            now.toOriginalStart(i) === before.toOriginalStart(i) && now.toOriginalEnd(i) === before.toOriginalEnd(i);
        }
        if (!same) wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
    // ASCII, hiragana, katakana but ー, and the kanji block but the itaiji.
    expect(kept).toBe(0x80 + 0x56 + 0x5a + 0x5200 - 32);
  });
});
