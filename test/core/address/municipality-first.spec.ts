import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MUNICIPALITY_FIRST } from '../../../packages/core/src/detectors/address/address-ja-patterns.js';
import { municipalityFirstMatches } from '../../../packages/core/src/detectors/address/municipality-first.js';

/** The global scan municipalityFirstMatches replaces: every match, with its index and groups. */
function globalScan(text: string): (string | number | undefined)[][] {
  const re = new RegExp(MUNICIPALITY_FIRST.source, MUNICIPALITY_FIRST.flags);
  const out: (string | number | undefined)[][] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push([m.index, ...m]);
  return out;
}

const fast = (text: string): (string | number | undefined)[][] =>
  municipalityFirstMatches(text).map((m) => [m.index, ...m]);

// Address pieces and what surrounds them in HR text: suffixes close together (町田市, 大町町), particles, numerals,
// blocks, buildings, counters, Latin letters and punctuation.
const PIECES = [
  ...'市区郡町村山田川中本大西東のがでには、。 -0123456789一二三十丁目番地号室アイウーあい「」A:',
  '渋谷区',
  '横浜市',
  '港北区',
  '杵島郡',
  '大町町',
  '町田市',
  '十日町市',
  '1-2-3',
  '3丁目4番5号',
  'コーポ山田',
  '201号室',
  '3名',
  '住所',
  '在住',
];
const textOf = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('municipalityFirstMatches', () => {
  it('finds exactly the global scan matches, with the same groups', () => {
    fc.assert(
      fc.property(textOf, (text) => {
        expect(fast(text)).toEqual(globalScan(text));
      }),
      { numRuns: 4000 },
    );
  });

  it.each([
    '住所横浜市港北区1-2-3 コーポ山田 201号室',
    '佐賀県杵島郡大町町大町5000番地',
    '町田市町田町1-2と渋谷区渋谷2-21-1',
    '市区町村郡',
    '',
    '渋谷区在住3名',
  ])('agrees with the global scan on %s', (text) => {
    expect(fast(text)).toEqual(globalScan(text));
  });
});
