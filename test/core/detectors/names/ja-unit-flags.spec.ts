// The one table of unit flags answers what the per-question tables and the name trie answered before.
import { describe, expect, it } from 'vitest';
import { getNameDictionary } from '@kamen/core';
import {
  JA_LABELS,
  KANJI_HONORIFICS,
  isOrgSuffixUnit,
} from '../../../../packages/core/src/detectors/names/ja-name-cues.js';
import {
  LABEL_FIRST,
  SURNAME_FIRST,
  TITLE_LAST,
  UNIT_FLAGS,
  surnameStartFlags,
} from '../../../../packages/core/src/detectors/names/ja-unit-flags.js';

const unitsOf = (words: readonly string[], at: (w: string) => string): Set<number> =>
  new Set(words.map((w) => at(w).charCodeAt(0)));

describe('ja unit flags', () => {
  it('SURNAME_FIRST is set exactly where the dictionary says a surname can start', () => {
    const dict = getNameDictionary();
    const flags = surnameStartFlags(dict);
    let starts = 0;
    for (let c = 0; c < 0x10000; c++) {
      const flagged = ((flags[c] as number) & SURNAME_FIRST) !== 0;
      if (flagged !== dict.canStartSurname(c)) expect.fail(`unit ${c.toString(16)}`);
      if (flagged) starts++;
    }
    expect(starts).toBeGreaterThan(1000);
  });

  it('title, label and org-suffix flags are set exactly for their words units', () => {
    const titleLast = unitsOf(KANJI_HONORIFICS, (w) => w.slice(-1));
    const labelFirst = unitsOf(JA_LABELS, (w) => w[0] as string);
    const org = new Set([...'部課係室社局所店科班'].map((c) => c.charCodeAt(0)));
    for (let c = 0; c < 0x10000; c++) {
      const f = UNIT_FLAGS[c] as number;
      if (((f & TITLE_LAST) !== 0) !== titleLast.has(c)) expect.fail(`title ${c.toString(16)}`);
      if (((f & LABEL_FIRST) !== 0) !== labelFirst.has(c)) expect.fail(`label ${c.toString(16)}`);
      if (isOrgSuffixUnit(c) !== org.has(c)) expect.fail(`org ${c.toString(16)}`);
    }
  });
});
