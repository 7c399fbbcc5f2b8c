import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { FieldType } from '../types.js';
import { VALIDATORS } from '../validators/registry.js';

/** One whole-value check: how strongly a single value looks like `type` (0 = not at all). */
export interface ValueCheck {
  readonly type: FieldType;
  readonly strength: (value: string) => number;
}

/** The script of a kana value, for surrogates that must keep it (half-width kana in bank files). */
export type KanaScript = 'full' | 'half' | 'hiragana';

// Values are NFKC-folded and their dashes unified before the checks run (see foldValue), so the regexes below
// only see ASCII digits and '-'. NFKC also turns half-width kana into full-width: kanaScriptOf reads the raw value.
const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70]/g;

/** NFKC, every dash variant as '-', ideographic space as ' ', trimmed. */
export function foldValue(raw: string): string {
  return raw.normalize('NFKC').replace(DASHES, '-').trim();
}

const MY_NUMBER = /^\d{4}[ -]?\d{4}[ -]?\d{4}$/;
const EMAIL = /^[\w.+%-]+@[a-z\d-]+(?:\.[a-z\d-]+)+$/i;
const PHONE_SHAPE = /^\+?[\d\s()-]{10,20}$/;
const POSTAL = /^〒?\s?\d{3}-\d{4}$/;
const RESIDENCE_CARD = /^[A-Z]{2}\d{8}[A-Z]{2}$/;
const PASSPORT = /^[A-Z]{2}\d{7}$/;
const PENSION = /^\d{4}-\d{6}$/;
const EMPLOYMENT_INSURANCE = /^\d{4}-\d{6}-\d$/;
const CORPORATE = /^\d{13}$/;
const CARD = /^\d{4}(?:[ -]?\d{3,4}){2,4}$/;
const SSN = /^\d{3}-\d{2}-\d{4}$/;
const YUCHO = /^\d{5}-\d{6,8}$/;
const ACCOUNT_7 = /^\d{7}$/;
const PREFECTURE = /^(?:〒?\s?\d{3}-\d{4}\s*)?(?:北海道|東京都|京都府|大阪府|[\u4e00-\u9fff]{2,3}県)./u;
const ISO_DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const ERA_DATE = /^(?:明治|大正|昭和|平成|令和|[MTSHR]\.?)\s?(?:元|\d{1,2})[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/i;
const AMOUNT = /^[¥$]?-?\d{1,3}(?:,\d{3})*(?:\.\d+)?円?$|^[¥$]?-?\d+(?:\.\d+)?円?$/;
const GENDER_STRONG = /^(?:男|女|男性|女性|male|female)$/i;
const GENDER_WEAK = /^(?:m|f|その他|other|不明|無回答)$/i;
// Two kana words (family and given name) of 1–10 letters, or one word of 2–10: katakana, hiragana or
// half-width katakana (checked on the RAW value, as NFKC would widen it).
const KANA_PAIR =
  /^[\u30a1-\u30fa\u30fc\u3041-\u3096\uff66-\uff9f]{1,10}[ \u3000][\u30a1-\u30fa\u30fc\u3041-\u3096\uff66-\uff9f]{1,10}$/;
const KANA_WORD = /^[\u30a1-\u30fa\u30fc\u3041-\u3096\uff66-\uff9f]{2,10}$/;

const digits = (s: string): string => s.replace(/\D/g, '');
const allSame = (d: string): boolean => /^(\d)\1*$/.test(d);

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1868 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function dateStrength(v: string): number {
  const iso = ISO_DATE.exec(v) ?? COMPACT_DATE.exec(v);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? 0.8 : 0;
  return ERA_DATE.test(v) ? 0.85 : 0;
}

/** Script of a raw kana value; undefined when it is not all kana (spaces aside). */
export function kanaScriptOf(raw: string): KanaScript | undefined {
  const v = raw.trim();
  if (!KANA_PAIR.test(v) && !KANA_WORD.test(v)) return undefined;
  if (/[\uff66-\uff9f]/.test(v)) return 'half';
  if (/[\u3041-\u3096]/.test(v) && !/[\u30a1-\u30fa]/.test(v)) return 'hiragana';
  return 'full';
}

/**
 * Whole-value checks per type. Strength ≈ how much one value alone says: checksummed identifiers 0.9, shapes
 * other data share (4-6 digits, NNN-NNNN) 0.55–0.6, shapes that only support a header (7 bare digits) < 0.5.
 * Every check receives the folded value; NAME_KANA re-reads the raw one through `raw`.
 */
export const VALUE_CHECKS: readonly ValueCheck[] = [
  {
    type: 'MY_NUMBER',
    strength: (v) => (MY_NUMBER.test(v) && VALIDATORS.my_number!(v) && !allSame(digits(v)) ? 0.9 : 0),
  },
  { type: 'EMAIL', strength: (v) => (EMAIL.test(v) ? 0.95 : 0) },
  {
    type: 'PHONE',
    strength: (v) => {
      if (!PHONE_SHAPE.test(v) || !/^[+0(]/.test(v)) return 0;
      const parsed = parsePhoneNumberFromString(v, 'JP');
      return parsed?.isValid() ? 0.85 : 0;
    },
  },
  { type: 'POSTAL_CODE', strength: (v) => (POSTAL.test(v) ? (v.startsWith('〒') ? 0.9 : 0.6) : 0) },
  { type: 'ADDRESS', strength: (v) => (PREFECTURE.test(v) && v.length >= 5 ? 0.8 : 0) },
  { type: 'RESIDENCE_CARD', strength: (v) => (RESIDENCE_CARD.test(v) ? 0.85 : 0) },
  { type: 'PASSPORT', strength: (v) => (PASSPORT.test(v) ? 0.6 : 0) },
  { type: 'PENSION_NUMBER', strength: (v) => (PENSION.test(v) ? 0.55 : /^\d{10}$/.test(v) ? 0.3 : 0) },
  {
    type: 'EMPLOYMENT_INSURANCE_NUMBER',
    strength: (v) => (EMPLOYMENT_INSURANCE.test(v) ? 0.6 : /^\d{11}$/.test(v) ? 0.3 : 0),
  },
  { type: 'HEALTH_INSURANCE_NUMBER', strength: (v) => (VALIDATORS.insurer_number!(v) && /^\d+$/.test(v) ? 0.4 : 0) },
  {
    type: 'DRIVERS_LICENSE',
    strength: (v) => (/^\d{12}$/.test(v) && VALIDATORS.drivers_license_check_digit!(v) ? 0.4 : 0),
  },
  { type: 'CORPORATE_NUMBER', strength: (v) => (CORPORATE.test(v) && VALIDATORS.corporate_number!(v) ? 0.85 : 0) },
  {
    type: 'CREDIT_CARD',
    strength: (v) => (CARD.test(v) && VALIDATORS.luhn!(v) && VALIDATORS.credit_card_iin!(v) ? 0.9 : 0),
  },
  { type: 'IBAN', strength: (v) => (/^[A-Z]{2}\d{2}/i.test(v) && VALIDATORS.iban!(v) ? 0.95 : 0) },
  { type: 'IP_ADDRESS', strength: (v) => (/^[\da-f:.]+$/i.test(v) && VALIDATORS.ip_address!(v) ? 0.9 : 0) },
  { type: 'US_SSN', strength: (v) => (SSN.test(v) && VALIDATORS.us_ssn!(v) ? 0.7 : 0) },
  { type: 'BANK_ACCOUNT', strength: (v) => (YUCHO.test(v) ? 0.5 : ACCOUNT_7.test(v) ? 0.3 : 0) },
  { type: 'DATE_OF_BIRTH', strength: dateStrength },
  { type: 'GENDER', strength: (v) => (GENDER_STRONG.test(v) ? 0.7 : GENDER_WEAK.test(v) ? 0.4 : 0) },
  { type: 'SALARY', strength: (v) => (AMOUNT.test(v) ? 0.6 : 0) },
];

/** Strength of a raw value as a kana name (NFKC would hide half-width kana, so this one reads the raw value). */
export function kanaNameStrength(raw: string): number {
  const v = raw.trim();
  if (KANA_PAIR.test(v)) return 0.8;
  return KANA_WORD.test(v) ? 0.45 : 0;
}

/**
 * Types that values alone may give a column with an unknown header. Dates (入社日 is not a birth date),
 * amounts and codes say too little without a header.
 */
export const VALUE_ONLY_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'PERSON_NAME',
  'NAME_KANA',
  'EMAIL',
  'PHONE',
  'MY_NUMBER',
  'CORPORATE_NUMBER',
  'POSTAL_CODE',
  'ADDRESS',
  'PENSION_NUMBER',
  'EMPLOYMENT_INSURANCE_NUMBER',
  'HEALTH_INSURANCE_NUMBER',
  'DRIVERS_LICENSE',
  'PASSPORT',
  'RESIDENCE_CARD',
  'BANK_ACCOUNT',
  'CREDIT_CARD',
  'IP_ADDRESS',
  'US_SSN',
  'IBAN',
  'GENDER',
]);

/** Types whose checks are reliable enough that values NOT matching them lower a header's confidence. */
export const CHECKABLE_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'EMAIL',
  'PHONE',
  'MY_NUMBER',
  'POSTAL_CODE',
  'CREDIT_CARD',
  'IBAN',
  'IP_ADDRESS',
  'CORPORATE_NUMBER',
  'DATE_OF_BIRTH',
]);
