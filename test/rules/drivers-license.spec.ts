import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '@kamen/core';
import { embeddedArb, expectFoundExactly, expectNotFound } from '../helpers/embed.js';
import { driversLicenseArb, driversLicenseBadPrefArb, driversLicenseWithCheckDigitArb } from '../helpers/generators.js';

const RULE = 'jp.drivers_license';
const CONTEXT = ['運転免許証番号', '免許証番号', '運転免許証 第', 'Driver’s License No.'];
const scoreOf = (text: string): number | undefined =>
  detect(text, { conflicts: 'none', threshold: 0 }).find((f) => f.ruleId === RULE)?.score;

describe('jp.drivers_license', () => {
  it('uses the unofficial check digit only to raise the score', () => {
    // 309012345620 (jiko0.com sample) passes the check digit; 309012345630 does not, yet is still a licence.
    const good = scoreOf('免許証番号 309012345620') as number;
    const other = scoreOf('免許証番号 309012345630') as number;
    expect(good).toBeGreaterThan(other);
    expect(other).toBeGreaterThanOrEqual(0.5);
    expect(scoreOf('309012345620')).toBeLessThan(0.5);
  });

  it('finds every licence-shaped value after a context word at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(fc.oneof(driversLicenseArb, driversLicenseWithCheckDigitArb), CONTEXT), (e) =>
        expectFoundExactly(e, RULE, 'DRIVERS_LICENSE'),
      ),
      { numRuns: 200 },
    );
  });

  it('never reports an impossible 公安委員会 code', () => {
    fc.assert(
      fc.property(embeddedArb(driversLicenseBadPrefArb, CONTEXT), (e) => expectNotFound(e.text, RULE)),
      { numRuns: 150 },
    );
  });
});
