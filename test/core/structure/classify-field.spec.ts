import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyField, myNumberCheckDigit, type FieldType } from '@kamen/core';

const typeOf = (name: string, values: readonly string[] = []): FieldType | undefined =>
  classifyField(name, values)?.type;

// Every header of jp-pii-spec §7 (and the brief), JA and EN.
const HEADERS: readonly [string, FieldType][] = [
  ['氏名', 'PERSON_NAME'],
  ['姓', 'PERSON_NAME'],
  ['名', 'PERSON_NAME'],
  ['氏名(カナ)', 'NAME_KANA'],
  ['フリガナ', 'NAME_KANA'],
  ['姓(カナ)', 'NAME_KANA'],
  ['名(カナ)', 'NAME_KANA'],
  ['セイ', 'NAME_KANA'],
  ['メイ', 'NAME_KANA'],
  ['氏名(ローマ字)', 'PERSON_NAME'],
  ['旧姓', 'PERSON_NAME'],
  ['通称', 'PERSON_NAME'],
  ['社員番号', 'EMPLOYEE_ID'],
  ['従業員番号', 'EMPLOYEE_ID'],
  ['生年月日', 'DATE_OF_BIRTH'],
  ['性別', 'GENDER'],
  ['国籍', 'NATIONALITY'],
  ['在留資格', 'NATIONALITY'],
  ['在留カード番号', 'RESIDENCE_CARD'],
  ['郵便番号', 'POSTAL_CODE'],
  ['住所', 'ADDRESS'],
  ['住所(カナ)', 'ADDRESS'],
  ['電話番号', 'PHONE'],
  ['携帯電話番号', 'PHONE'],
  ['携帯', 'PHONE'],
  ['メールアドレス', 'EMAIL'],
  ['緊急連絡先(氏名)', 'PERSON_NAME'],
  ['緊急連絡先電話', 'PHONE'],
  ['緊急連絡先', 'FREE_TEXT'],
  ['個人番号', 'MY_NUMBER'],
  ['マイナンバー', 'MY_NUMBER'],
  ['本人個人番号', 'MY_NUMBER'],
  ['扶養者個人番号', 'MY_NUMBER'],
  ['配偶者マイナンバー', 'MY_NUMBER'],
  ['基礎年金番号', 'PENSION_NUMBER'],
  ['雇用保険被保険者番号', 'EMPLOYMENT_INSURANCE_NUMBER'],
  ['健康保険 被保険者整理番号', 'HEALTH_INSURANCE_NUMBER'],
  ['健康保険記号', 'HEALTH_INSURANCE_NUMBER'],
  ['健康保険番号', 'HEALTH_INSURANCE_NUMBER'],
  ['銀行コード', 'BANK_ACCOUNT'],
  ['支店コード', 'BANK_ACCOUNT'],
  ['口座種別', 'BANK_ACCOUNT'],
  ['口座番号', 'BANK_ACCOUNT'],
  ['口座名義(カナ)', 'NAME_KANA'],
  ['基本給', 'SALARY'],
  ['支給額', 'SALARY'],
  ['手当', 'SALARY'],
  ['控除', 'SALARY'],
  ['標準報酬月額', 'SALARY'],
  ['扶養親族1氏名', 'PERSON_NAME'],
  ['扶養親族2生年月日', 'DATE_OF_BIRTH'],
  ['扶養親族3個人番号', 'MY_NUMBER'],
  ['扶養親族１（氏名カナ）', 'NAME_KANA'],
  ['配偶者氏名', 'PERSON_NAME'],
  ['配偶者生年月日', 'DATE_OF_BIRTH'],
  ['配偶者個人番号', 'MY_NUMBER'],
  ['個人番号（本人）', 'MY_NUMBER'],
  ['備考', 'FREE_TEXT'],
  ['メモ', 'FREE_TEXT'],
  ['コメント', 'FREE_TEXT'],
  ['first_name', 'PERSON_NAME'],
  ['last_name', 'PERSON_NAME'],
  ['full_name', 'PERSON_NAME'],
  ['name', 'PERSON_NAME'],
  ['kana', 'NAME_KANA'],
  ['last_name_kana', 'NAME_KANA'],
  ['dob', 'DATE_OF_BIRTH'],
  ['birth_date', 'DATE_OF_BIRTH'],
  ['ssn', 'US_SSN'],
  ['email', 'EMAIL'],
  ['phone', 'PHONE'],
  ['mobile', 'PHONE'],
  ['address', 'ADDRESS'],
  ['zip', 'POSTAL_CODE'],
  ['postal_code', 'POSTAL_CODE'],
  ['passport_no', 'PASSPORT'],
  ['iban', 'IBAN'],
  ['card_number', 'CREDIT_CARD'],
  ['account_number', 'BANK_ACCOUNT'],
  ['employee_id', 'EMPLOYEE_ID'],
  ['salary', 'SALARY'],
  ['notes', 'FREE_TEXT'],
  ['my_number', 'MY_NUMBER'],
  ['mynumber', 'MY_NUMBER'],
  ['gender', 'GENDER'],
  ['nationality', 'NATIONALITY'],
  ['drivers_license_number', 'DRIVERS_LICENSE'],
  ['tel_no', 'PHONE'],
];

/** The ways one header is written: casing styles for ASCII names, BOM, widths and spaces for all. */
function spellings(header: string): string[] {
  const out = [header, `\uFEFF${header}`, ` ${header} `];
  if (/^[a-z_]+$/.test(header)) {
    const words = header.split('_');
    out.push(words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('')); // camelCase
    out.push(words.join('-')); // kebab-case
    out.push(words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ')); // Title Case
    out.push(header.toUpperCase());
  }
  // Full-width ASCII and brackets, ideographic spaces.
  out.push(
    header.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000'),
  );
  out.push(header.replace(/\(/g, '【').replace(/\)/g, '】'));
  return out;
}

describe('classifyField: header dictionary', () => {
  it.each(HEADERS)('%s → %s in every spelling', (header, type) => {
    for (const spelling of spellings(header)) expect(typeOf(spelling), spelling).toBe(type);
  });

  it.each([
    ['dependent_2_name', 'PERSON_NAME'],
    ['dependent2Name', 'PERSON_NAME'],
    ['spouseBirthDate', 'DATE_OF_BIRTH'],
    ['emergency_contact_phone', 'PHONE'],
    ['$.employees[0].contact.phone', 'PHONE'],
    ['employee.phone.number', 'PHONE'],
    ['/employees/employee/@email', 'EMAIL'],
    ['hr:MyNumber', 'MY_NUMBER'],
    ['employees[*].dependents[1].name', 'PERSON_NAME'],
    ['staff.id', 'EMPLOYEE_ID'],
  ] as const)('path or compound %s → %s', (name, type) => {
    expect(typeOf(name)).toBe(type);
  });

  it('a non-personal parent overrides a weak last segment', () => {
    expect(classifyField('department.name', ['営業部'])).toBeNull();
    expect(classifyField('$.company.name', ['Example Corp'])).toBeNull();
  });

  it('reports the source and a confidence in [0, 1]', () => {
    const r = classifyField('氏名', []);
    expect(r).toEqual({ type: 'PERSON_NAME', confidence: 0.9, sensitive: false, source: 'name' });
  });
});

describe('classifyField: sensitive columns', () => {
  it.each([
    '病歴',
    '病名',
    '既往歴',
    '健康診断',
    '健康診断結果',
    '診断書',
    '障害',
    '障害等級',
    '障害者区分',
    '犯罪歴',
    '前科',
    '休職理由',
    '懲戒',
    '信条',
    '宗教',
    '人種',
    '労災',
    'medical_history',
    'Criminal Record',
    'religion',
  ])('%s is SENSITIVE even with harmless values', (header) => {
    const r = classifyField(header, ['なし', 'あり', '']);
    expect(r?.type).toBe('SENSITIVE');
    expect(r?.sensitive).toBe(true);
  });

  it('My Number columns are sensitive (特定個人情報), by name or by values', () => {
    expect(classifyField('個人番号', [])?.sensitive).toBe(true);
    expect(classifyField('col', ['123456789018', '111111111118'])?.sensitive).toBe(true);
    expect(classifyField('電話番号', [])?.sensitive).toBe(false);
  });

  it('本籍 is an address flagged sensitive', () => {
    expect(classifyField('本籍', [])).toMatchObject({ type: 'ADDRESS', sensitive: true });
  });
});

describe('classifyField: non-personal columns', () => {
  it.each([
    ['部署', ['営業部', '総務部']],
    ['役職', ['部長', '課長']],
    ['入社日', ['2019-04-01', '2020-10-01']],
    ['金額', ['500000', '1,234']],
    ['amount', ['12.50']],
    ['status', ['active']],
    ['col', ['500000', '320000']],
    ['番号', ['1', '2', '3']],
    ['ID', ['A-001', 'A-002']],
    ['code', ['1234567']],
    ['扶養親族1続柄', ['長男']],
  ] as const)('%s with %j → null', (header, values) => {
    expect(classifyField(header, values)).toBeNull();
  });

  it('a known non-personal header yields to strong value evidence only', () => {
    expect(classifyField('部署', ['a@example.com', 'b@example.jp'])?.type).toBe('EMAIL');
    expect(classifyField('入社日', ['1985-04-01'])).toBeNull();
  });

  it('an unknown header without values is null', () => {
    expect(classifyField('foo', [])).toBeNull();
    expect(classifyField('番号', [])).toBeNull();
  });
});

// ---------- values ----------
const myNumberArb = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
  .map((d) => d.join(''))
  .filter((b) => !/^(\d)\1*$/.test(b))
  .map((b) => b + myNumberCheckDigit(b));
const KATA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const kataArb = (min: number, max: number) =>
  fc
    .array(fc.integer({ min: 0, max: KATA.length - 1 }), { minLength: min, maxLength: max })
    .map((a) => a.map((i) => KATA[i]).join(''));
const kanaNameArb = fc.tuple(kataArb(2, 5), kataArb(2, 5)).map(([a, b]) => `${a} ${b}`);
const emailArb = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{1,8}$/), fc.constantFrom('example.com', 'example.co.jp', 'test.jp'))
  .map(([l, d]) => `${l}@${d}`);
const mobileArb = fc
  .tuple(fc.constantFrom('090', '080', '070'), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([p, a, b]) => `${p}-${a}-${String(b).padStart(4, '0')}`);
const sample = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 3, maxLength: 20 });

describe('classifyField: from values', () => {
  it('checksum-valid 12-digit values → MY_NUMBER under an unknown or generic header', () => {
    fc.assert(
      fc.property(sample(myNumberArb), fc.constantFrom('番号', 'ID', 'code', 'col7', 'x'), (values, header) => {
        const r = classifyField(header, values);
        expect(r).toMatchObject({ type: 'MY_NUMBER', source: 'values', sensitive: true });
      }),
      { numRuns: 40 },
    );
  });

  it('mostly valid e-mail addresses → EMAIL', () => {
    fc.assert(
      fc.property(sample(emailArb), (values) => {
        expect(classifyField('col', [...values, 'n/a'])?.type).toBe('EMAIL');
      }),
      { numRuns: 40 },
    );
  });

  it('mobile numbers → PHONE', () => {
    fc.assert(
      fc.property(sample(mobileArb), (values) => {
        expect(classifyField('col', values)?.type).toBe('PHONE');
      }),
      { numRuns: 30 },
    );
  });

  it('katakana names with a space → NAME_KANA, with their script', () => {
    fc.assert(
      fc.property(sample(kanaNameArb), (values) => {
        expect(classifyField('col', values)).toMatchObject({ type: 'NAME_KANA', kana: 'full', source: 'values' });
      }),
      { numRuns: 30 },
    );
    expect(classifyField('col', ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ｽｽﾞｷ ﾊﾅｺ'])).toMatchObject({ type: 'NAME_KANA', kana: 'half' });
    expect(classifyField('col', ['やまだ たろう', 'すずき はなこ'])).toMatchObject({ kana: 'hiragana' });
  });

  it('a name header decides the type; values only move the confidence', () => {
    const plain = classifyField('個人番号', [])!;
    fc.assert(
      fc.property(sample(myNumberArb), (values) => {
        const r = classifyField('個人番号', values)!;
        expect(r.type).toBe('MY_NUMBER');
        expect(r.source).toBe('name+values');
        expect(r.confidence).toBeGreaterThan(plain.confidence);
      }),
      { numRuns: 20 },
    );
    // Typos are still My Numbers.
    const typos = classifyField('個人番号', ['1234', '12345678901', 'abc'])!;
    expect(typos.type).toBe('MY_NUMBER');
    expect(typos.confidence).toBeLessThan(plain.confidence);
    // A header that says 氏名 makes its values names, known or not.
    expect(classifyField('氏名', ['幸松 某', 'Xyzzy'])?.type).toBe('PERSON_NAME');
    expect(classifyField('電話番号', ['a@example.com', 'b@example.com'])).toMatchObject({
      type: 'PHONE',
      source: 'name',
    });
  });

  it('a header with alternatives lets the values choose', () => {
    expect(typeOf('被保険者番号', ['1234-567890-1', '2345-678901-2'])).toBe('EMPLOYMENT_INSURANCE_NUMBER');
    expect(typeOf('被保険者番号', ['12', '345'])).toBe('HEALTH_INSURANCE_NUMBER');
    expect(typeOf('緊急連絡先', ['090-1234-5678', '080-2345-6789'])).toBe('PHONE');
    expect(typeOf('緊急連絡先', ['母（携帯）090-1234-5678'])).toBe('FREE_TEXT');
  });

  it('other shapes from values alone', () => {
    expect(typeOf('col', ['〒100-0001', '〒530-0001'])).toBe('POSTAL_CODE');
    expect(typeOf('col', ['東京都千代田区千代田1-1', '大阪府大阪市北区梅田1-1'])).toBe('ADDRESS');
    expect(typeOf('col', ['AB12345678CD', 'EF23456789GH'])).toBe('RESIDENCE_CARD');
    expect(typeOf('col', ['GB82WEST12345698765432'])).toBe('IBAN');
    expect(typeOf('col', ['4111111111111111', '5500005555555559'])).toBe('CREDIT_CARD');
    expect(typeOf('col', ['男', '女', '女性'])).toBe('GENDER');
    expect(typeOf('col', ['山田 太郎', '鈴木 花子'])).toBe('PERSON_NAME');
    expect(classifyField('生年月日', ['1985-04-01', '昭和60年4月1日', 'S60.4.1'])).toMatchObject({
      type: 'DATE_OF_BIRTH',
      source: 'name+values',
    });
    expect(classifyField('基本給', ['250,000', '¥312000'])).toMatchObject({ type: 'SALARY', source: 'name+values' });
    expect(typeOf('col', ['連絡は taro@example.com まで', 'なし'])).toBe('FREE_TEXT');
  });

  it('the threshold option bounds value-only decisions', () => {
    const values = ['〒100-0001', '〒530-0001'];
    expect(classifyField('col', values, { threshold: 0.99 })).toBeNull();
    expect(classifyField('col', values, { threshold: 0.5 })?.type).toBe('POSTAL_CODE');
  });

  it('a reading column reports its script: values first, then the header', () => {
    expect(classifyField('住所(カナ)', [])).toMatchObject({ type: 'ADDRESS', kana: 'full' });
    expect(classifyField('ふりがな', [])).toMatchObject({ type: 'NAME_KANA', kana: 'hiragana' });
    expect(classifyField('フリガナ', ['ﾔﾏﾀﾞ ﾀﾛｳ'])).toMatchObject({ type: 'NAME_KANA', kana: 'half' });
    expect(classifyField('氏名', [])?.kana).toBeUndefined();
  });

  it('ignores empty values and never throws on odd input', () => {
    expect(classifyField('氏名', ['', '  '])).toMatchObject({ source: 'name' });
    expect(classifyField('', [])).toBeNull();
    expect(() => classifyField(undefined as unknown as string, null as unknown as string[])).not.toThrow();
  });
});

describe('classifyField: properties', () => {
  const knownHeader = fc.constantFrom(...HEADERS.map(([h]) => h));

  it('path syntax reads the same at full width (found by the property below: seed -1836812291)', () => {
    for (const [narrow, wide] of [
      ['=:meI', '＝：ｍｅＩ'],
      ['x.mei', 'ｘ．ｍｅｉ'],
      ['hr:Name', 'ｈｒ：Ｎａｍｅ'],
      ['$.employees[0].phone', '＄．ｅｍｐｌｏｙｅｅｓ［０］．ｐｈｏｎｅ'],
    ])
      expect(classifyField(wide as string, []), wide).toEqual(classifyField(narrow as string, []));
    expect(classifyField('ｈｒ：Ｎａｍｅ', [])?.type).toBe('PERSON_NAME');
  });

  it('BOM, spaces and width changes never change the result', () => {
    const widen = (s: string) => s.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(
        fc.oneof(knownHeader, fc.string({ maxLength: 12 })),
        fc.nat(20),
        fc.constantFrom(' ', '\u3000', '\uFEFF', '\t'),
        fc.boolean(),
        (header, at, pad, wide) => {
          const i = at % (header.length + 1);
          let changed = header.slice(0, i) + pad + header.slice(i);
          if (wide) changed = widen(changed);
          expect(classifyField(changed, [])).toEqual(classifyField(header, []));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('whose value it is (本人, 配偶者, 扶養親族N, dependent_N) and numbering never change the type', () => {
    const ja = fc.constantFrom('氏名', 'フリガナ', '生年月日', '個人番号', '性別', '電話番号', '住所', '氏名(カナ)');
    const en = fc.constantFrom('first_name', 'last_name', 'birth_date', 'my_number', 'email', 'phone', 'address');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(ja, fc.constantFrom('本人', '配偶者', '扶養親族', '扶養者', '緊急連絡先'), fc.nat(9), fc.boolean()),
          fc.tuple(
            en,
            fc.constantFrom('dependent_', 'spouse_', 'emergency_contact_', 'primary_'),
            fc.nat(9),
            fc.boolean(),
          ),
        ),
        ([header, who, n, numberAfter]) => {
          const numbered = numberAfter ? `${who}${header}${n}` : `${who}${n}${header}`;
          expect(typeOf(numbered)).toBe(typeOf(header));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws and always returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), (n, v) => {
        const r = classifyField(n, v);
        if (r !== null) {
          expect(r.confidence).toBeGreaterThanOrEqual(0);
          expect(r.confidence).toBeLessThanOrEqual(1);
          expect(['name', 'values', 'name+values']).toContain(r.source);
        }
      }),
      { numRuns: 200 },
    );
  });
});
