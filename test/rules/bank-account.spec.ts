import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import { bankAccountArb, digitsArb, yuchoAccountArb } from '../helpers/generators.js';

const RULE = 'jp.bank_account';

describe('jp.bank_account', () => {
  it('finds account, bank code and branch code after their labels', () => {
    const text = '銀行コード：0005 支店コード：123 口座番号（普通）7654321';
    expect(findingsOf(text, RULE).map((f) => text.slice(f.start, f.end))).toEqual(['0005', '123', '7654321']);
  });

  it.each(['1234567', '〒1000001', '口座番号 123456', '口座番号 12345678', '基本給 350,000円', '社員番号 1234567'])(
    'does not report %s',
    (text) => expectNotFound(text, RULE),
  );

  it('finds every 7-digit account after a bank word at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(bankAccountArb, ['口座番号', '振込先 普通', '銀行口座']), (e) =>
        expectFoundExactly(e, RULE, 'BANK_ACCOUNT'),
      ),
      { numRuns: 200 },
    );
  });

  it('finds every ゆうちょ 記号-番号 at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(yuchoAccountArb, ['ゆうちょ銀行', '通常貯金 記号番号']), (e) =>
        expectFoundExactly(e, RULE, 'BANK_ACCOUNT'),
      ),
      { numRuns: 150 },
    );
  });

  it('never reports 6- or 8-digit runs as an account number', () => {
    fc.assert(
      fc.property(embeddedArb(fc.oneof(digitsArb(6), digitsArb(8)), ['口座番号']), (e) => expectNotFound(e.text, RULE)),
      { numRuns: 150 },
    );
  });
});
