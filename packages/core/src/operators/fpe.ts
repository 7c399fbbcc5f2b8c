import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { coreError } from '../errors.js';
import type { KeyRing } from '../keys/keyring.js';
import type { FieldType } from '../types.js';
import { japaneseNumberValidity } from '../detectors/phone/jp-validity.js';
import { luhn, luhnCheckDigit } from '../validators/luhn.js';
import { corporateNumberCheckDigit, myNumberCheckDigit } from '../validators/jp-check-digits.js';
import type { Operator } from './operator.js';
import { createDecimalFf1, type DecimalFf1 } from './ff1.js';
import { readParams } from './params.js';
import { perRing, purposeFor, requireKeys } from './keyed.js';
import { fromArray, readDigits, toArray, writeDigits } from './written-digits.js';

/** Smallest FF1 domain kamen accepts (KM-04; NIST SP 800-38G Rev.1 requires radix^minlen ≥ 10^6). */
const MIN_DIGITS = 6;

/** Types whose values are not digit strings, or whose digits carry meaning FF1 would break (dates, amounts). */
const NOT_FPE: ReadonlySet<FieldType> = new Set<FieldType>([
  'PERSON_NAME',
  'NAME_KANA',
  'EMAIL',
  'ADDRESS',
  'DATE_OF_BIRTH',
  'IP_ADDRESS',
  'IBAN',
  'GENDER',
  'NATIONALITY',
  'SALARY',
  'SENSITIVE',
  'FREE_TEXT',
]);

/** Where FF1 works on a value's digits: [from, to) of the digit string, plus how the rest is rebuilt. */
interface Scheme {
  readonly from: number;
  readonly to: number;
  /** Recomputes derived digits (check digit) of the full digit string after the FF1 part changed. */
  readonly finish?: (digits: string) => string;
  /** Cycle-walking predicate: FF1 is repeated until the whole number satisfies it (a permutation of that set). */
  readonly accept?: (digits: string) => boolean;
}

/** The entity-specific scheme for `digits`; throws KAMEN_ERR_FPE_DOMAIN when the value is not of its kind. */
function schemeFor(entity: FieldType, value: string, digits: string, revealing: boolean): Scheme {
  const n = digits.length;
  const domain = (ok: boolean, what: string): void => {
    if (!ok) throw coreError('KAMEN_ERR_FPE_DOMAIN', `value is not ${what}`);
  };
  const tampered = (ok: boolean, what: string): void => {
    if (!ok) throw coreError('KAMEN_ERR_REVEAL_TAMPERED', `${what} check digit is invalid`);
  };
  switch (entity) {
    case 'MY_NUMBER': {
      domain(n === 12, 'a 12-digit My Number');
      const ok = Number(digits[11]) === myNumberCheckDigit(digits.slice(0, 11));
      if (revealing) tampered(ok, 'My Number');
      else domain(ok, 'a My Number with a valid check digit');
      return { from: 0, to: 11, finish: (d) => d.slice(0, 11) + String(myNumberCheckDigit(d.slice(0, 11))) };
    }
    case 'CORPORATE_NUMBER': {
      domain(n === 13, 'a 13-digit Corporate Number');
      const ok = Number(digits[0]) === corporateNumberCheckDigit(digits.slice(1));
      if (revealing) tampered(ok, 'Corporate Number');
      else domain(ok, 'a Corporate Number with a valid check digit');
      return { from: 1, to: 13, finish: (d) => String(corporateNumberCheckDigit(d.slice(1))) + d.slice(1) };
    }
    case 'CREDIT_CARD': {
      // The IIN (first 6) stays so the brand and issuer stay plausible; the account digits are encrypted and the
      // Luhn check digit recomputed. The last 4 change too: keeping them would leave 10 of ~16 digits in clear.
      domain(n >= 13 && n <= 19, 'a 13-19 digit card number');
      if (revealing) tampered(luhn(digits), 'card (Luhn)');
      else domain(luhn(digits), 'a Luhn-valid card number');
      return { from: 6, to: n - 1, finish: (d) => d.slice(0, n - 1) + String(luhnCheckDigit(d.slice(0, n - 1))) };
    }
    case 'PHONE': {
      const intl = value.trimStart().startsWith('+') || value.trimStart().startsWith('＋');
      // '+81-90-…' and '+81(0)3-…': the national significant number follows '81' or '810'.
      const skip = intl && digits.startsWith('81') ? (digits[2] === '0' ? 3 : 2) : 0;
      const classOf = (d: string): number => phonePrefixLength(skip > 0 ? `0${d.slice(skip)}` : d);
      const keep = classOf(digits) + (skip > 0 ? skip - 1 : 0);
      const cls = classOf(digits);
      // Valid with full metadata AND the same prefix class: 080 must not walk into 0800 (toll-free), or reveal,
      // which reads the class from the output, would cut the number elsewhere.
      const accept = (d: string): boolean => classOf(d) === cls && isValidJapanese(d, intl);
      // Cycle walking needs the original in the accepted set; an unassigned number has no same-kind image.
      if (!revealing) domain(accept(digits), 'a valid Japanese phone number');
      return { from: keep, to: n, accept };
    }
    default:
      return { from: 0, to: n };
  }
}

/**
 * libphonenumber's isValidPhoneNumber(…, 'JP') on a digit string (with '+' when international). The plain forms are
 * decided from Japan's compiled metadata (detectors/phone/jp-validity.ts, the same answer at a fraction of the cost);
 * cycle walking asks this once per FF1 step, so it dominated a phone's cost. Other forms go to libphonenumber.
 */
const isValidJapanese = (digits: string, intl: boolean): boolean =>
  japaneseNumberValidity(digits, intl) ?? isValidPhoneNumber(intl ? `+${digits}` : digits, 'JP');

/**
 * National-prefix digits kept in clear: 0120/0800/0570/0990 (4), mobile and IP 0[5-9]0 and 020 (3), else the
 * leading 0 and the first area-code digit (2). FF1 changes the rest, checked valid with full metadata.
 */
function phonePrefixLength(national: string): number {
  const p4 = national.slice(0, 4);
  if (p4 === '0120' || p4 === '0800' || p4 === '0570' || p4 === '0990') return 4;
  if (/^0[2-9]0/u.test(national)) return 3;
  return 2;
}

/**
 * One FF1 per ring, kid, tenant and tweak: the AES key schedule and the per-length CBC-MAC state are set up once,
 * not per value. At most 4096 per ring (a JSON file can have any number of field paths), least recently used
 * dropped first; each holds one native AES-ECB object and a few 16-byte blocks.
 */
const ciphers = perRing<DecimalFf1>(4096);
const utf8 = new TextEncoder();
function cipher(keys: KeyRing, kid: string, entity: string, field: string | undefined, tenant: string | undefined) {
  const cache = ciphers(keys);
  // KM-05: the tweak binds ciphertexts to entity type, field and tenant, so equal digits in two columns differ.
  const tweak = `${entity}\u0000${field ?? ''}\u0000${tenant ?? ''}`;
  // The tenant's length makes the id unambiguous even if a field path holds U+0000 (the subkey is per tenant).
  const id = `${kid}\u0000${tenant?.length ?? -1}\u0000${tweak}`;
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const made = createDecimalFf1(keys.subkey(purposeFor('fpe', tenant), kid), utf8.encode(tweak));
  cache.set(id, made);
  return made;
}

/** Where an FPE value belongs: the same entity, field and tenant it was encrypted under. */
export interface FpeBinding {
  readonly entity: FieldType;
  readonly field?: string;
  readonly tenant?: string;
  /** Key id; default the ring's primary. FPE output cannot carry its kid, so rotation needs it told. */
  readonly kid?: string;
}

function transform(value: string, b: FpeBinding, keys: KeyRing, decrypt: boolean): string {
  const read = readDigits(value);
  const s = schemeFor(b.entity, value, read.digits, decrypt);
  if (s.to - s.from < MIN_DIGITS)
    throw coreError('KAMEN_ERR_FPE_DOMAIN', `only ${s.to - s.from} digits to encrypt; at least ${MIN_DIGITS} needed`);
  const ff1 = cipher(keys, b.kid ?? keys.primaryId, b.entity, b.field, b.tenant);
  const head = read.digits.slice(0, s.from);
  const tail = read.digits.slice(s.to);
  let part = toArray(read.digits.slice(s.from, s.to));
  let whole: string;
  do {
    part = decrypt ? ff1.decrypt(part) : ff1.encrypt(part);
    whole = head + fromArray(part) + tail;
  } while (s.accept !== undefined && !s.accept(whole));
  return writeDigits(value, read, s.finish !== undefined ? s.finish(whole) : whole);
}

/**
 * `fpe`: FF1 (NIST SP 800-38G) over the value's digits, keeping length, separators, digit width and a valid
 * check digit (My Number, Corporate Number, Luhn), and a phone's prefix class. Reversible with revealFpe.
 */
export const fpeOperator: Operator<Record<string, never>> = {
  name: 'fpe',
  reversible: true,
  validate(params, entity) {
    readParams('fpe', params, []);
    if (NOT_FPE.has(entity))
      throw coreError('KAMEN_ERR_FPE_DOMAIN', `fpe does not apply to ${entity}; use pseudonym or surrogate`);
    return {};
  },
  apply(value, _params, ctx) {
    return transform(value, ctx, requireKeys('fpe', ctx), false);
  },
};

/**
 * Reverses `fpe`. FF1 has no integrity check: a changed digit decrypts to some other number. Check digits
 * (My Number, Corporate Number, Luhn) catch most single-digit changes (KAMEN_ERR_REVEAL_TAMPERED); other types
 * have no such detection.
 * @public
 */
export function revealFpe(value: string, binding: FpeBinding, keys: KeyRing): string {
  return transform(value, binding, keys, true);
}
