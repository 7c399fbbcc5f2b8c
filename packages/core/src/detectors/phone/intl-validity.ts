import {
  CALLING_CODES,
  compileTypes,
  entire,
  hasNumberType,
  numberingPlan,
  type NumberType,
} from './numbering-plan.js';

/**
 * "Certainly valid" for +CC numbers outside Japan, from libphonenumber's own MAX metadata compiled once per country.
 * parsePhoneNumberFromString costs tens of microseconds a call (it builds its regexes and option objects anew each
 * time, and V8 recompiles the big metadata patterns once its regexp cache has been cleared by a GC), and HR text
 * holds many +44 / +65 / +1 numbers. This answers true only where libphonenumber's parse + isValid() must answer
 * true; everything else (a national prefix written after the code, a calling code whose first country has leading
 * digits or does not take the number, non-geographic codes, unusual punctuation) returns false and the caller asks
 * libphonenumber as before, so the phone rule finds exactly what it found. The steps mirror parse.js,
 * getCountryByCallingCode.js and getNumberType.js of libphonenumber-js (test/core/phone/intl-validity.spec.ts checks
 * the implication on generated and example numbers).
 */

interface Compiled {
  readonly general: RegExp;
  readonly prefixForParsing: RegExp | undefined;
  readonly leadingDigits: boolean;
  readonly types: readonly NumberType[];
}

const PLANS = new Map<string, Compiled | null>();

function plan(country: string): Compiled | null {
  let c = PLANS.get(country);
  if (c !== undefined) return c;
  const p = numberingPlan(country);
  if (p === undefined) c = null;
  else {
    const types = compileTypes(p);
    const npfp = p.nationalPrefixForParsing();
    c =
      types.length === 0
        ? null // a plan without types is validated differently: leave it to libphonenumber
        : {
            general: entire(p.nationalNumberPattern()),
            prefixForParsing: npfp ? new RegExp(`^(?:${npfp})`) : undefined,
            leadingDigits: Boolean(p.leadingDigits()),
            types,
          };
  }
  PLANS.set(country, c);
  return c;
}

// '+', the calling code and groups of digits split by single spaces or dashes: a shape libphonenumber reads as
// exactly these digits (no brackets, no letters, no extension).
const PLAIN_SHAPE = /^\+\d+(?:[ -]\d+)*$/;

/** True only when libphonenumber would parse `text` (a +CC number) as a valid number; false means "ask it". */
export function isCertainlyValidInternational(text: string): boolean {
  if (!PLAIN_SHAPE.test(text) || text.length > 250) return false;
  const digits = text.replace(/\D/g, '');
  // extractCountryCallingCode: the shortest prefix that is a calling code.
  let cc: string | undefined;
  for (let i = 1; i <= 3 && i <= digits.length; i++) {
    if (CALLING_CODES[digits.slice(0, i)] !== undefined) {
      cc = digits.slice(0, i);
      break;
    }
  }
  if (cc === undefined || cc === '81') return false;
  return validUnderCallingCode(cc, digits.slice(cc.length));
}

/**
 * True only when libphonenumber's parse(text, 'US') + isValid() must answer true for a US-shaped number written
 * without +1 ((202) 454-9896, 617-261-3317): with US as the default country the parser reads the digits as a
 * national number under calling code 1, which is the same decision as above.
 */
export function isCertainlyValidUsNational(text: string): boolean {
  if (!US_PLAIN_SHAPE.test(text)) return false;
  return validUnderCallingCode('1', text.replace(/\D/g, ''));
}

// The US shape the phone detector accepts: (202) 454-9896, 202 454-9896, 202-454-9896.
const US_PLAIN_SHAPE = /^(?:\(\d{3}\) ?|\d{3}[ -]?)\d{3}-\d{4}$/;

function validUnderCallingCode(cc: string, national: string): boolean {
  if (national.length < 2 || national.length > 17) return false;
  const main = CALLING_CODES[cc]?.[0];
  if (main === undefined || main === '001') return false;
  const c = plan(main);
  // A national prefix (or carrier code) the parser might strip or transform: let libphonenumber decide.
  if (c === null || (c.prefixForParsing !== undefined && c.prefixForParsing.test(national))) return false;
  // With several countries on the code, libphonenumber takes the first that claims the number; the main country
  // (listed first) claims it without leading digits exactly when it has a type for it, and then decides validity.
  if ((CALLING_CODES[cc]?.length ?? 0) > 1 && c.leadingDigits) return false;
  if (!c.general.test(national)) return false;
  return hasNumberType(c.types, national);
}
