import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { detect, getDefaultRegistry } from '@kamen/core';
import { createPhoneDetector } from '../../../packages/core/src/detectors/phone/phone-detector.js';
import { normalizeText } from '../../../packages/core/src/text/normalize.js';
import { createPhoneDetector as createOracleDetector } from './oracle/phone-detector.js';
import { phoneishTextArb } from './phoneish-text.js';
import { embeddedArb, expectFoundExactly } from '../../helpers/embed.js';
import { DASH_VARIANTS, digitsArb, myNumberArb, corporateNumberArb } from '../../helpers/generators.js';
import { JP_PHONE_KINDS, jpPhoneInEveryFormArb, jpPhoneNearMissArb } from '../../helpers/phone-arbs.js';

const RULE = 'common.phone';
const phones = (text: string): string[] => detect(text, { entities: ['PHONE'] }).map((f) => text.slice(f.start, f.end));

describe('phone detector: written forms', () => {
  it.each([
    ['電話 03-1234-5678', ['03-1234-5678']],
    ['代表：0123-45-6789', ['0123-45-6789']],
    ['TEL (03)1234-5678', ['(03)1234-5678']],
    ['TEL 03(1234)5678', ['03(1234)5678']],
    ['自宅 ０３（１２３４）５６７８', ['０３（１２３４）５６７８']],
    ['別海 01267-2-3456', ['01267-2-3456']],
    ['携帯 060-1234-5678', ['060-1234-5678']],
    ['携帯 070-1234-5678', ['070-1234-5678']],
    ['携帯 080-1234-5678', ['080-1234-5678']],
    ['携帯 090-1234-5678', ['090-1234-5678']],
    ['IP電話 050-1234-5678', ['050-1234-5678']],
    ['フリーダイヤル 0120-123-456', ['0120-123-456']],
    ['フリーコール 0800-123-4567', ['0800-123-4567']],
    ['ナビダイヤル 0570-123-456', ['0570-123-456']],
    ['Mobile: +81-90-1234-5678', ['+81-90-1234-5678']],
    ['Office: +81(0)3-1234-5678', ['+81(0)3-1234-5678']],
    ['Office: +81 3 1234 5678', ['+81 3 1234 5678']],
    ['携帯：＋８１９０１２３４５６７８', ['＋８１９０１２３４５６７８']],
    ['US office +1 415-555-0132', ['+1 415-555-0132']],
    ['London +44 20 7946 0958', ['+44 20 7946 0958']],
    ['London +44 (0)20 7946 0958', ['+44 (0)20 7946 0958']],
    ['携帯：０９０－１２３４－５６７８（自宅）', ['０９０－１２３４－５６７８']],
    ['連絡先 ０９０ー１２３４ー５６７８', ['０９０ー１２３４ー５６７８']],
    ['携帯 090‐1234‐5678', ['090‐1234‐5678']],
    ['携帯 090−1234−5678', ['090−1234−5678']],
    ['携帯 090―1234―5678', ['090―1234―5678']],
    ['TEL03-1234-5678FAX03-1234-5679', ['03-1234-5678', '03-1234-5679']],
    [
      'ＴＥＬ０３－１２３４－５６７８ＦＡＸ０３－１２３４－５６７９',
      ['０３－１２３４－５６７８', '０３－１２３４－５６７９'],
    ],
    ['TEL:03-1234-5678/FAX:03-1234-5679', ['03-1234-5678', '03-1234-5679']],
    ['Tel.03-1234-5678.', ['03-1234-5678']],
    ['電話番号：09012345678', ['09012345678']],
    ['携帯090 1234 5678です', ['090 1234 5678']],
    ['TEL 03-1234-5678 090-1234-5678', ['03-1234-5678', '090-1234-5678']],
    ['090-1234-5678,080-1234-5678', ['090-1234-5678', '080-1234-5678']],
    ['Phone: (415) 555-0132', ['(415) 555-0132']],
  ])('%s', (text, expected) => {
    expect(phones(text)).toEqual(expected);
  });

  it.each([
    '電話 9012345678',
    '090-1234-567',
    '011-123-4567',
    '〒100-0005',
    '郵便番号 150-0002',
    'マイナンバー 1234 5678 9018',
    '個人番号 123456789018',
    '法人番号 1234567890123',
    '2026-04-01 の会議',
    '20260401',
    '基本給 1,234,567円',
    '口座番号 1234567',
    '注文番号 0312345678',
    '内線 1234',
    'バージョン 1.2.3',
  ])('no finding in %s', (text) => {
    expect(phones(text)).toEqual([]);
  });
});

describe('phone detector: generated numbers', () => {
  it('finds every kind of Japanese number in every written form, embedded in JA/EN text, with its exact span', () => {
    const words = ['電話番号', '携帯', 'TEL', 'Tel.', 'Phone', '緊急連絡先', '連絡先', 'FAX', 'mobile'];
    fc.assert(
      fc.property(embeddedArb(jpPhoneInEveryFormArb, words), (e) => expectFoundExactly(e, RULE, 'PHONE')),
      { numRuns: 400 },
    );
  });

  it('covers each kind (fixed 2-5 digit area codes, mobile, IP, toll-free, navi dial)', () => {
    for (const kind of JP_PHONE_KINDS) {
      fc.assert(
        fc.property(kind.digits, (d) => {
          expect(isValidPhoneNumber(d, 'JP'), `${kind.name} ${d}`).toBe(true);
          const written = kind.groups(d).join('-');
          expect(phones(`電話 ${written}`), kind.name).toEqual([written]);
        }),
        { numRuns: 20 },
      );
    }
  });

  it('finds nothing in near misses: amounts, order numbers, postal codes, dates, accounts, IDs', () => {
    fc.assert(
      fc.property(jpPhoneNearMissArb, (text) => {
        expect(phones(text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('finds nothing in My Numbers and corporate numbers in any written form', () => {
    fc.assert(
      fc.property(fc.oneof(myNumberArb, corporateNumberArb), (v) => {
        expect(phones(`番号 ${v}`)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('needs a leading 0 or a country code: a mobile number without its 0 is not a phone number', () => {
    fc.assert(
      fc.property(fc.constantFrom('90', '80', '70'), digitsArb(8), fc.constantFrom(...DASH_VARIANTS), (p, d, sep) => {
        expect(phones(`電話 ${p}${sep}${d.slice(0, 4)}${sep}${d.slice(4)}`)).toEqual([]);
        expect(phones(`電話 ${p}${d}`)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('phone detector: scan as before its fast paths (oracle)', () => {
  const rule = getDefaultRegistry().rules.find((r) => r.id === RULE);
  if (rule === undefined) throw new Error(`no rule ${RULE}`);
  const current = createPhoneDetector(rule);
  const before = createOracleDetector(rule);

  it('finds the same candidates as the oracle on generated text', () => {
    fc.assert(
      fc.property(phoneishTextArb, (raw) => {
        const text = normalizeText(raw);
        expect(current.scan(text)).toEqual(before.scan(text));
      }),
      { numRuns: 3000 },
    );
  });
});
