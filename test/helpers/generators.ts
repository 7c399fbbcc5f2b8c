/**
 * fast-check arbitraries for identifier PII: VALID values in every written form kamen must recognise, and near
 * misses it must not. Check digits come from test/helpers/reference-check-digits.ts (independent of core).
 * All values are synthetic.
 */
import fc from 'fast-check';
import {
  refCorporateCheckDigit,
  refIbanCheckDigits,
  refInsurerCheckDigit,
  refLicenceCheckDigit,
  refLuhnCheckDigit,
  refMyNumberCheckDigit,
} from './reference-check-digits.js';

/** Every dash seen between digits in Japanese data; the normaliser folds all of them to '-'. */
export const DASH_VARIANTS = ['-', '‐', '‑', '‒', '–', '—', '―', '−', '－', 'ー'] as const;
/** ASCII and ideographic space (NFKC folds U+3000 to ' '). */
export const SPACE_VARIANTS = [' ', '\u3000'] as const;

/** ASCII digits and letters to their full-width forms (what NFKC undoes). */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9a-z.]/gi, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const allSame = (s: string): boolean => /^(.)\1*$/.test(s);

/** `n` random ASCII digits. */
export const digitsArb = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

const upperArb = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 65, max: 90 }), { minLength: n, maxLength: n }).map((a) => String.fromCharCode(...a));

export interface WrittenFormOptions {
  /** Separators allowed between groups (default: every dash variant and both spaces). */
  readonly separators?: readonly string[];
  /** Whether the ungrouped form is generated (default true). */
  readonly plain?: boolean;
  /** Whether full-width digits are generated (default true). */
  readonly fullWidth?: boolean;
}

/**
 * Writes digit strings the ways people do: plain, or split into `groups` (e.g. [4, 4, 4]) with ONE separator
 * kind, optionally in full-width digits. The digits' length must equal the sum of `groups`.
 */
export function withWrittenForm(
  digits: fc.Arbitrary<string>,
  groups: readonly number[],
  options: WrittenFormOptions = {},
): fc.Arbitrary<string> {
  const seps = options.separators ?? [...DASH_VARIANTS, ...SPACE_VARIANTS];
  const sepArb =
    groups.length > 1 ? fc.constantFrom(...(options.plain === false ? seps : ['', ...seps])) : fc.constant('');
  return fc
    .tuple(digits, sepArb, options.fullWidth === false ? fc.constant(false) : fc.boolean())
    .map(([d, sep, fw]) => {
      const parts: string[] = [];
      let i = 0;
      for (const g of groups) {
        parts.push(d.slice(i, i + g));
        i += g;
      }
      const written = parts.join(sep);
      return fw ? toFullWidth(written) : written;
    });
}

// ---------- My Number ----------
export const myNumberDigitsArb: fc.Arbitrary<string> = digitsArb(11)
  .map((b) => b + refMyNumberCheckDigit(b))
  .filter((d) => !allSame(d));
export const myNumberArb: fc.Arbitrary<string> = withWrittenForm(myNumberDigitsArb, [4, 4, 4]);
/** 12 digits whose check digit is wrong, in every written form. */
export const myNumberWrongCheckArb: fc.Arbitrary<string> = withWrittenForm(
  fc.tuple(digitsArb(11), fc.integer({ min: 1, max: 9 })).map(([b, k]) => b + ((refMyNumberCheckDigit(b) + k) % 10)),
  [4, 4, 4],
);
/** 11 or 13 digits; the 13-digit ones START with a valid My Number, the hardest case. */
export const myNumberWrongLengthArb: fc.Arbitrary<string> = fc.oneof(
  digitsArb(11),
  fc.tuple(myNumberDigitsArb, fc.integer({ min: 0, max: 9 })).map(([d, x]) => d + x),
  fc.tuple(fc.integer({ min: 0, max: 9 }), myNumberDigitsArb).map(([x, d]) => x + d),
);

// ---------- Corporate Number ----------
export const corporateNumberDigitsArb: fc.Arbitrary<string> = digitsArb(12)
  .map((b) => refCorporateCheckDigit(b) + b)
  .filter((d) => !allSame(d));
/** Plain 13 digits or the invoice form T + 13 digits, ASCII or full-width. */
export const corporateNumberArb: fc.Arbitrary<string> = fc
  .tuple(corporateNumberDigitsArb, fc.boolean(), fc.boolean())
  .map(([d, invoice, fw]) => {
    const s = invoice ? `T${d}` : d;
    return fw ? toFullWidth(s) : s;
  });
export const corporateNumberWrongCheckArb: fc.Arbitrary<string> = fc
  .tuple(digitsArb(12), fc.integer({ min: 1, max: 8 }))
  .map(([b, k]) => `${((refCorporateCheckDigit(b) - 1 + k) % 9) + 1}${b}`);

// ---------- Pension, employment insurance ----------
export const pensionNumberArb: fc.Arbitrary<string> = withWrittenForm(
  digitsArb(10).filter((d) => !allSame(d)),
  [4, 6],
  { separators: DASH_VARIANTS },
);
export const employmentInsuranceNumberArb: fc.Arbitrary<string> = withWrittenForm(
  digitsArb(11).filter((d) => !allSame(d)),
  [4, 6, 1],
  { separators: DASH_VARIANTS },
);

// ---------- Health insurance ----------
export const insurerNumberDigitsArb: fc.Arbitrary<string> = digitsArb(7)
  .map((b) => b + refInsurerCheckDigit(b))
  .filter((d) => !allSame(d));
export const insurerNumberArb: fc.Arbitrary<string> = withWrittenForm(insurerNumberDigitsArb, [8]);
export const insurerNumberWrongCheckArb: fc.Arbitrary<string> = fc
  .tuple(digitsArb(7), fc.integer({ min: 1, max: 9 }))
  .map(([b, k]) => b + ((refInsurerCheckDigit(b) + k) % 10));

// ---------- Driver's licence ----------
const licencePrefArb = fc.oneof(fc.integer({ min: 10, max: 14 }), fc.integer({ min: 20, max: 97 })).map(String);
/** Any licence-shaped number (the check digit is unofficial, so it need not hold). */
export const driversLicenseArb: fc.Arbitrary<string> = withWrittenForm(
  fc
    .tuple(licencePrefArb, digitsArb(10))
    .map(([p, r]) => p + r)
    .filter((d) => !allSame(d)),
  [12],
);
/** Licence numbers whose unofficial check digit holds (scored higher). */
export const driversLicenseWithCheckDigitArb: fc.Arbitrary<string> = fc
  .tuple(licencePrefArb, digitsArb(8), fc.integer({ min: 0, max: 9 }))
  .map(([p, r, reissue]) => `${p}${r}${refLicenceCheckDigit(p + r)}${reissue}`)
  .filter((d) => !allSame(d));
/** Licence-shaped numbers with an impossible 公安委員会 code (00–09, 15–19, 98, 99). */
export const driversLicenseBadPrefArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('00', '05', '09', '15', '17', '19', '98', '99'), digitsArb(10))
  .map(([p, r]) => p + r);

// ---------- Passport, residence card ----------
export const passportArb: fc.Arbitrary<string> = fc
  .tuple(upperArb(2), digitsArb(7), fc.boolean())
  .map(([l, d, fw]) => (fw ? toFullWidth(l + d) : l + d));
export const residenceCardArb: fc.Arbitrary<string> = fc
  .tuple(upperArb(2), digitsArb(8), upperArb(2), fc.boolean())
  .map(([a, d, b, fw]) => (fw ? toFullWidth(a + d + b) : a + d + b));

// ---------- Bank accounts ----------
export const bankAccountArb: fc.Arbitrary<string> = withWrittenForm(
  digitsArb(7).filter((d) => !allSame(d)),
  [7],
);
/** ゆうちょ 通常貯金 記号-番号: 1xxxx-xxxxxxx1. */
export const yuchoAccountArb: fc.Arbitrary<string> = withWrittenForm(
  fc.tuple(digitsArb(4), digitsArb(7)).map(([a, b]) => `1${a}${b}1`),
  [5, 8],
  { separators: [...DASH_VARIANTS, ' '], plain: false },
);

// ---------- Postal code ----------
export const postalCodeArb: fc.Arbitrary<string> = withWrittenForm(digitsArb(7), [3, 4], {
  separators: DASH_VARIANTS,
});

// ---------- Credit cards ----------
const BRAND_PREFIXES: readonly (readonly [string, number])[] = [
  ['4', 16],
  ['4', 19],
  ['51', 16],
  ['55', 16],
  ['2221', 16],
  ['2720', 16],
  ['34', 15],
  ['37', 15],
  ['3528', 16],
  ['3589', 16],
  ['36', 14],
  ['6011', 16],
  ['65', 16],
  ['62', 16],
];
export const creditCardDigitsArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...BRAND_PREFIXES), digitsArb(18))
  .map(([[prefix, len], fill]) => {
    const body = prefix + fill.slice(0, len - prefix.length - 1);
    return body + refLuhnCheckDigit(body);
  })
  .filter((d) => !allSame(d));
/** Card numbers written plain, 4-4-4-4(-3), or Amex 4-6-5, with one separator kind, ASCII or full-width. */
export const creditCardArb: fc.Arbitrary<string> = creditCardDigitsArb.chain((d) => {
  const groups =
    d.length === 16 ? [4, 4, 4, 4] : d.length === 19 ? [4, 4, 4, 4, 3] : d.length === 15 ? [4, 6, 5] : [d.length];
  return withWrittenForm(fc.constant(d), groups, { separators: [...DASH_VARIANTS, ' '] });
});
export const creditCardWrongLuhnArb: fc.Arbitrary<string> = creditCardDigitsArb
  .chain((d) => fc.integer({ min: 1, max: 9 }).map((k) => d.slice(0, -1) + ((Number(d.slice(-1)) + k) % 10)))
  .filter((d) => !allSame(d));

// ---------- IP addresses ----------
const octetArb = fc.integer({ min: 0, max: 255 }).map(String);
export const ipv4Arb: fc.Arbitrary<string> = fc
  .tuple(octetArb, octetArb, octetArb, octetArb, fc.boolean())
  .map(([a, b, c, d, fw]) => (fw ? toFullWidth(`${a}.${b}.${c}.${d}`) : `${a}.${b}.${c}.${d}`));
export const ipv4InvalidArb: fc.Arbitrary<string> = fc
  .tuple(octetArb, octetArb, octetArb, fc.integer({ min: 256, max: 999 }), fc.integer({ min: 0, max: 3 }))
  .map(([a, b, c, bad, at]) => {
    const parts = [a, b, c];
    parts.splice(at, 0, String(bad));
    return parts.join('.');
  });
const hexGroupArb = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
/** IPv6 in full, compressed (`::` anywhere) and IPv4-embedded forms; never the bare `::`. */
export const ipv6Arb: fc.Arbitrary<string> = fc.oneof(
  fc.array(hexGroupArb, { minLength: 8, maxLength: 8 }).map((g) => g.join(':')),
  fc
    .tuple(fc.array(hexGroupArb, { minLength: 0, maxLength: 3 }), fc.array(hexGroupArb, { minLength: 0, maxLength: 3 }))
    .filter(([h, t]) => h.length + t.length > 0)
    .map(([h, t]) => `${h.join(':')}::${t.join(':')}`),
  fc.tuple(octetArb, octetArb, octetArb, octetArb).map((o) => `::ffff:${o.join('.')}`),
);

// ---------- US SSN ----------
export const ssnDigitsArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .filter(([a]) => a !== 666)
  .map(([a, g, s]) => `${String(a).padStart(3, '0')}${String(g).padStart(2, '0')}${String(s).padStart(4, '0')}`)
  .filter((d) => !['078051120', '219099999', '457555462'].includes(d));
export const ssnArb: fc.Arbitrary<string> = withWrittenForm(ssnDigitsArb, [3, 2, 4], { separators: ['-', ' '] });
export const ssnInvalidArb: fc.Arbitrary<string> = fc
  .tuple(ssnDigitsArb, fc.constantFrom('area000', 'area666', 'area9xx', 'group00', 'serial0000'), digitsArb(2))
  .map(([d, kind, x]) => {
    const v =
      kind === 'area000'
        ? `000${d.slice(3)}`
        : kind === 'area666'
          ? `666${d.slice(3)}`
          : kind === 'area9xx'
            ? `9${x}${d.slice(3)}`
            : kind === 'group00'
              ? `${d.slice(0, 3)}00${d.slice(5)}`
              : `${d.slice(0, 5)}0000`;
    return `${v.slice(0, 3)}-${v.slice(3, 5)}-${v.slice(5)}`;
  });

// ---------- IBAN ----------
const IBAN_SAMPLE_LENGTHS: readonly (readonly [string, number])[] = [
  ['DE', 22],
  ['GB', 22],
  ['FR', 27],
  ['NL', 18],
  ['NO', 15],
  ['IT', 27],
  ['ES', 24],
  ['CH', 21],
  ['BE', 16],
  ['MT', 31],
  ['LC', 32],
  ['RU', 33],
];
const bbanCharArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 9 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 90 }).map((c) => String.fromCharCode(c)) },
);
export const ibanCompactArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...IBAN_SAMPLE_LENGTHS), fc.array(bbanCharArb, { minLength: 29, maxLength: 29 }))
  .map(([[cc, len], chars]) => {
    const bban = chars.slice(0, len - 4).join('');
    return `${cc}${refIbanCheckDigits(cc, bban)}${bban}`;
  });
/** Compact, or in groups of four separated by single spaces; ASCII or full-width. */
export const ibanArb: fc.Arbitrary<string> = fc
  .tuple(ibanCompactArb, fc.boolean(), fc.boolean())
  .map(([c, grouped, fw]) => {
    const s = grouped ? (c.match(/.{1,4}/g) as string[]).join(' ') : c;
    return fw ? toFullWidth(s) : s;
  });
export const ibanWrongCheckArb: fc.Arbitrary<string> = fc
  .tuple(ibanCompactArb, fc.integer({ min: 1, max: 96 }))
  .map(
    ([c, k]) => `${c.slice(0, 2)}${String(((Number(c.slice(2, 4)) - 2 + k) % 97) + 2).padStart(2, '0')}${c.slice(4)}`,
  );

/** One arbitrary of valid written values per identifier entity, for tests that loop over entity types. */
export const IDENTIFIER_ARBS = {
  MY_NUMBER: myNumberArb,
  CORPORATE_NUMBER: corporateNumberArb,
  PENSION_NUMBER: pensionNumberArb,
  EMPLOYMENT_INSURANCE_NUMBER: employmentInsuranceNumberArb,
  HEALTH_INSURANCE_NUMBER: insurerNumberArb,
  DRIVERS_LICENSE: driversLicenseArb,
  PASSPORT: passportArb,
  RESIDENCE_CARD: residenceCardArb,
  BANK_ACCOUNT: fc.oneof(bankAccountArb, yuchoAccountArb),
  POSTAL_CODE: postalCodeArb,
  CREDIT_CARD: creditCardArb,
  IP_ADDRESS: fc.oneof(ipv4Arb, ipv6Arb),
  US_SSN: ssnArb,
  IBAN: ibanArb,
} as const satisfies Record<string, fc.Arbitrary<string>>;
