import fc from 'fast-check';
import { getNameDictionary, generalizeOperator, surrogateOperator } from '@kamen/core';
import { describeOperatorContract } from '../../helpers/operator-contract.js';
import { jpPhoneArb } from '../../helpers/jp-phone-arb.js';

const dict = getNameDictionary();
const kanji = (list: readonly { kanji: string }[]) =>
  list
    .filter((e) => /^[\u4e00-\u9fff]{2}$/u.test(e.kanji))
    .slice(0, 200)
    .map((e) => e.kanji);
const nameArb = fc
  .tuple(
    fc.constantFrom(...kanji(dict.surnames)),
    fc.constantFrom(...kanji(dict.givenNames)),
    fc.constantFrom(' ', '\u3000', ''),
  )
  .map(([s, g, sep]) => `${s}${sep}${g}`);
const dateArb = fc
  .date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true })
  .map((d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const salaryArb = fc.integer({ min: 150_000, max: 2_000_000 }).map((n) => `${n.toLocaleString('en-US')}円`);

describeOperatorContract('surrogate PERSON_NAME', {
  operator: surrogateOperator,
  entity: 'PERSON_NAME',
  values: nameArb,
  keyed: true,
  hidesValue: true,
});
describeOperatorContract('surrogate PHONE', {
  operator: surrogateOperator,
  entity: 'PHONE',
  values: jpPhoneArb,
  keyed: true,
  hidesValue: true,
});
describeOperatorContract('surrogate EMAIL', {
  operator: surrogateOperator,
  entity: 'EMAIL',
  values: fc.emailAddress(),
  keyed: true,
  hidesValue: true,
  hidesDigits: false,
});
describeOperatorContract('surrogate DATE_OF_BIRTH', {
  operator: surrogateOperator,
  entity: 'DATE_OF_BIRTH',
  values: dateArb,
  keyed: true,
  format: (input, output) => {
    if (!/^\d{4}年\d{1,2}月\d{1,2}日$/u.test(output)) throw new Error(`form changed: ${input} -> ${output}`);
  },
});
describeOperatorContract('surrogate POSTAL_CODE', {
  operator: surrogateOperator,
  entity: 'POSTAL_CODE',
  values: fc
    .tuple(fc.constantFrom('100', '150', '530', '980'), fc.integer({ min: 0, max: 9999 }))
    .map(([a, b]) => `${a}-${pad(b, 4)}`),
  keyed: true,
});
describeOperatorContract('generalize SALARY', {
  operator: generalizeOperator,
  entity: 'SALARY',
  values: salaryArb,
  keyed: false,
  hidesValue: true,
  // A salary at the top of its band (1,999,999) shares its digits with the band's upper bound.
  hidesDigits: false,
});
describeOperatorContract('generalize DATE_OF_BIRTH', {
  operator: generalizeOperator,
  entity: 'DATE_OF_BIRTH',
  values: dateArb,
  keyed: false,
  hidesValue: true,
  // The band 1985-1989 is meant to show the year: its digits 19851989 contain those of 1985年1月9日 (198519).
  hidesDigits: false,
});
