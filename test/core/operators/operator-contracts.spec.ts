import fc from 'fast-check';
import { expect } from 'vitest';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import {
  fpeOperator,
  hashOperator,
  maskOperator,
  pseudonymOperator,
  redactOperator,
  reveal,
  revealFpe,
} from '@kamen/core';
import { describeOperatorContract } from '../../helpers/operator-contract.js';
import { corporateNumberArb, creditCardArb, digitsArb, myNumberArb } from '../../helpers/generators.js';
import { jpPhoneArb } from '../../helpers/jp-phone-arb.js';
import { luhn } from '../../../packages/core/src/validators/luhn.js';
import {
  corporateNumberCheckDigit,
  myNumberCheckDigit,
} from '../../../packages/core/src/validators/jp-check-digits.js';

const digits = (s: string): string => s.normalize('NFKC').replace(/\D/gu, '');
const emailArb = fc.emailAddress().filter((e) => e.split('@')[0]!.length >= 2);
const nameArb = fc
  .tuple(
    fc.constantFrom('山田', '佐藤', '鈴木', '髙橋'),
    fc.constantFrom(' ', '\u3000'),
    fc.constantFrom('太郎', '花子', '一'),
  )
  .map(([a, s, b]) => `${a}${s}${b}`);

/** Same length, digits only where digits were (same width), every other character unchanged. */
function sameShape(input: string, output: string): void {
  expect(output.length).toBe(input.length);
  for (let i = 0; i < input.length; i++) {
    const a = input.charCodeAt(i);
    const b = output.charCodeAt(i);
    const kind = (c: number): string => (c >= 48 && c <= 57 ? 'd' : c >= 0xff10 && c <= 0xff19 ? 'D' : String(c));
    expect(kind(b)).toBe(kind(a));
  }
}

describeOperatorContract('mask PHONE', {
  operator: maskOperator,
  entity: 'PHONE',
  values: jpPhoneArb,
  keyed: false,
  hidesValue: true,
});
describeOperatorContract('mask CREDIT_CARD', {
  operator: maskOperator,
  entity: 'CREDIT_CARD',
  values: creditCardArb,
  keyed: false,
  hidesValue: true,
  digitRunCheck: { allowedTailDigits: 4 },
});
describeOperatorContract('mask MY_NUMBER', {
  operator: maskOperator,
  entity: 'MY_NUMBER',
  values: myNumberArb,
  keyed: false,
  hidesValue: true,
  digitRunCheck: { allowedTailDigits: 0 },
  format: (_in, out) => expect(digits(out)).toBe(''),
});
describeOperatorContract('mask CORPORATE_NUMBER (explicit keepFirst 6)', {
  operator: maskOperator,
  entity: 'CORPORATE_NUMBER',
  params: { keepFirst: 6 },
  values: corporateNumberArb,
  keyed: false,
  hidesValue: true,
  digitRunCheck: { allowedTailDigits: 0 },
});
describeOperatorContract('mask EMAIL', {
  operator: maskOperator,
  entity: 'EMAIL',
  values: emailArb,
  keyed: false,
  hidesValue: true,
  hidesDigits: false,
});
describeOperatorContract('mask PERSON_NAME', {
  operator: maskOperator,
  entity: 'PERSON_NAME',
  values: nameArb,
  keyed: false,
  hidesValue: true,
});
describeOperatorContract('redact placeholder', {
  operator: redactOperator,
  entity: 'MY_NUMBER',
  params: { placeholder: true },
  values: myNumberArb,
  keyed: false,
  hidesValue: true,
});
describeOperatorContract('hash MY_NUMBER', {
  operator: hashOperator,
  entity: 'MY_NUMBER',
  values: myNumberArb,
  keyed: true,
  hidesValue: true,
  format: (_in, out) => expect(out).toMatch(/^[0-9a-f]{64}$/u),
});
describeOperatorContract('pseudonym EMAIL', {
  operator: pseudonymOperator,
  entity: 'EMAIL',
  values: emailArb,
  hidesValue: true,
  hidesDigits: false,
  reveal: (out, ctx) => reveal(out, ctx.keys!),
});
describeOperatorContract('pseudonym MY_NUMBER', {
  operator: pseudonymOperator,
  entity: 'MY_NUMBER',
  values: myNumberArb,
  hidesValue: true,
  reveal: (out, ctx) => reveal(out, ctx.keys!),
});

const fpeReveal = (
  out: string,
  ctx: Parameters<NonNullable<Parameters<typeof describeOperatorContract>[1]['reveal']>>[1],
) => revealFpe(out, { entity: ctx.entity, ...(ctx.field !== undefined ? { field: ctx.field } : {}) }, ctx.keys!);

describeOperatorContract('fpe MY_NUMBER', {
  operator: fpeOperator,
  entity: 'MY_NUMBER',
  field: 'マイナンバー',
  values: myNumberArb,
  reveal: fpeReveal,
  format: (input, out) => {
    sameShape(input, out);
    const d = digits(out);
    expect(Number(d[11])).toBe(myNumberCheckDigit(d.slice(0, 11)));
  },
});
describeOperatorContract('fpe CORPORATE_NUMBER', {
  operator: fpeOperator,
  entity: 'CORPORATE_NUMBER',
  values: corporateNumberArb,
  reveal: fpeReveal,
  format: (input, out) => {
    sameShape(input, out);
    const d = digits(out);
    expect(Number(d[0])).toBe(corporateNumberCheckDigit(d.slice(1)));
  },
});
describeOperatorContract('fpe CREDIT_CARD', {
  operator: fpeOperator,
  entity: 'CREDIT_CARD',
  values: creditCardArb,
  reveal: fpeReveal,
  format: (input, out) => {
    sameShape(input, out);
    expect(luhn(digits(out))).toBe(true);
    expect(digits(out).slice(0, 6)).toBe(digits(input).slice(0, 6));
  },
});
describeOperatorContract('fpe PHONE', {
  operator: fpeOperator,
  entity: 'PHONE',
  values: jpPhoneArb,
  numRuns: 40,
  reveal: fpeReveal,
  format: (input, out) => {
    sameShape(input, out);
    expect(isValidPhoneNumber(out.normalize('NFKC'), 'JP')).toBe(true);
    const n = digits(input);
    const prefix = n.startsWith('0120') ? 4 : n.startsWith('81') ? 3 : n.startsWith('0') && n[2] === '0' ? 3 : 2;
    expect(digits(out).slice(0, prefix)).toBe(n.slice(0, prefix));
  },
});
describeOperatorContract('fpe EMPLOYEE_ID (generic digits)', {
  operator: fpeOperator,
  entity: 'EMPLOYEE_ID',
  values: fc
    .tuple(fc.constantFrom('E', 'EMP-', ''), digitsArb(8))
    .map(([p, d]) => p + d)
    .filter((v) => !/^(\d)\1*$/u.test(digits(v))),
  reveal: fpeReveal,
  format: sameShape,
});
