import { compileTypes, entire, hasNumberType, numberingPlan, type NumberType } from './numbering-plan.js';

/**
 * Validity of a Japanese number from its digits, with libphonenumber's own MAX metadata for Japan compiled once.
 * parsePhoneNumberFromString(…).isValid() costs several microseconds a call (it re-creates its regexes and option
 * objects every time) and Japanese HR text holds a phone number every few lines. For the plain forms (0 + a
 * national number, or +81 + a national number) its answer is "the national number matches Japan's national pattern
 * and the pattern of at least one number type of a length that type allows", which this file computes directly.
 * Every other form (00…, 010… international prefixes, +81 0…) returns undefined and the caller asks libphonenumber.
 * test/core/phone/jp-validity.spec.ts checks the two agree on generated numbers.
 */

interface Compiled {
  readonly general: RegExp;
  readonly lengths: ReadonlySet<number>;
  readonly types: readonly NumberType[];
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  const plan = numberingPlan('JP');
  if (plan === undefined) throw new Error('libphonenumber metadata has no plan for JP');
  return {
    general: entire(plan.nationalNumberPattern()),
    lengths: new Set(plan.possibleLengths()),
    types: compileTypes(plan),
  };
}

/** True when a Japanese national number (no trunk 0) is valid, exactly as libphonenumber's isValid() decides it. */
function isValidNational(c: Compiled, n: string): boolean {
  return c.general.test(n) && hasNumberType(c.types, n);
}

/**
 * Validity of a number written with Japan's trunk prefix (`international` false: digits start with 0) or as +81
 * (`international` true: digits start with 81, without the +). undefined: a form libphonenumber must decide.
 */
export function japaneseNumberValidity(digits: string, international: boolean): boolean | undefined {
  compiled ??= compile();
  const c = compiled;
  let national: string;
  if (international) {
    // +81 0…: libphonenumber strips a trunk prefix written after the country code; leave that to it.
    if (!digits.startsWith('81') || digits.charCodeAt(2) === 0x30) return undefined;
    national = digits.slice(2);
    if (national.length < 2 || national.length > 17) return undefined;
  } else {
    // 00… and 010… are international call prefixes (or 000x service numbers): libphonenumber reads them differently.
    if (digits.charCodeAt(0) !== 0x30 || digits.charCodeAt(1) === 0x30 || digits.startsWith('010')) return undefined;
    national = digits.slice(1);
    // libphonenumber keeps the trunk 0 when stripping it leaves an impossible length or when only the whole
    // string fits the national pattern; both are rare, so it decides them.
    if (!c.lengths.has(national.length) || c.general.test(digits)) return undefined;
  }
  return isValidNational(c, national);
}
