import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { SurrogatePools } from './data.js';
import { KeyedChoices } from './keyed.js';
import { choosePerson, identityKey } from './names.js';

/** Reserved example domains (RFC 2606 / RFC 6761; example.jp is reserved by JPRS): mail to them never leaves. */
function reservedDomain(domain: string): string {
  const d = domain.toLowerCase();
  if (d.endsWith('.jp')) return 'example.jp';
  if (d.endsWith('.net')) return 'example.net';
  return 'example.com';
}

/**
 * taro.yamada@corp.co.jp -> kenji.sato27@example.jp. The local part is the romaji of the surrogate person (the
 * related 氏名's surrogate when known, so the record stays one person) plus two keyed digits to keep distinct
 * addresses distinct; the domain is a reserved example domain of the same flavour (.jp / .net / .com).
 */
export function surrogateEmail(value: string, key: Uint8Array, pools: SurrogatePools, relatedName?: string): string {
  const at = value.lastIndexOf('@');
  const domain = reservedDomain(at >= 0 ? value.slice(at + 1) : '');
  const choices = new KeyedChoices(key, 'EMAIL', identityKey(value).toLowerCase());
  const person =
    relatedName !== undefined && /[\u3400-\u9fff]/u.test(relatedName)
      ? choosePerson(key, relatedName, pools)
      : { surname: choices.pick(pools.surnames), given: choices.pick(pools.givenNames) };
  let out: string;
  do {
    const n = String(choices.below(100)).padStart(2, '0');
    out = `${person.given.romaji}.${person.surname.romaji}${n}`.toLowerCase() + `@${domain}`;
  } while (out === value.toLowerCase());
  return out;
}

const FULL_ZERO = 0xff10;

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= FULL_ZERO && c <= FULL_ZERO + 9);
}

function digitValue(c: number): number {
  return c >= FULL_ZERO ? c - FULL_ZERO : c - 0x30;
}

/** National significant number with the trunk 0 (09012345678) from any written form, +81 and +81(0) included. */
function nationalDigits(digits: string): string {
  if (!digits.startsWith('81') || digits.length < 11) return digits;
  const rest = digits.slice(2);
  return rest.startsWith('0') ? rest : `0${rest}`;
}

/** How many leading national digits identify the kind of number and are kept. */
function keptPrefixLength(national: string): number {
  if (/^0[5-9]0/.test(national) && national.length === 11) return 3; // mobile 070/080/090/060, IP 050
  if (/^0(?:120|800|570)/.test(national)) return 4; // toll free, navi dial
  const parsed = parsePhoneNumberFromString(national, 'JP');
  const area = parsed?.formatNational().split(/[-\s]/)[0];
  // Fixed line: keep the area code (市外局番) so its length, and the region it names, survive.
  if (area !== undefined && /^0\d{1,4}$/.test(area)) return area.length;
  return national.startsWith('03') || national.startsWith('06') ? 2 : 3;
}

/**
 * 090-1234-5678 -> 090-7391-0264: same kind (mobile stays 0X0, fixed keeps its area code), same separators,
 * +81 form and digit width; the subscriber digits are keyed and checked valid with libphonenumber's full metadata.
 */
export function surrogatePhone(value: string, key: Uint8Array): string {
  let digits = '';
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (isDigitAt(value, i)) {
      digits += String(digitValue(value.charCodeAt(i)));
      positions.push(i);
    }
  }
  const national = nationalDigits(digits);
  const tailLength = national.length - Math.min(keptPrefixLength(national), national.length - 1);
  const head = national.slice(0, national.length - tailLength);
  const choices = new KeyedChoices(key, 'PHONE', national);
  let tail = '';
  for (let attempt = 0; attempt < 32; attempt++) {
    tail = '';
    // The first subscriber digit is 2–9: exchange codes never start with 0 or 1.
    for (let i = 0; i < tailLength; i++) tail += String(i === 0 ? 2 + choices.below(8) : choices.below(10));
    if (tail === national.slice(head.length)) continue;
    if (parsePhoneNumberFromString(head + tail, 'JP')?.isValid() === true) break;
  }
  if (tail === national.slice(head.length)) tail = tail.slice(0, -1) + String((Number(tail.slice(-1)) + 1) % 10);
  const chars = value.split('');
  const start = positions.length - tailLength;
  for (let k = 0; k < tailLength; k++) {
    const pos = positions[start + k] as number;
    const d = tail.charCodeAt(k) - 0x30;
    chars[pos] = String.fromCharCode((value.charCodeAt(pos) >= FULL_ZERO ? FULL_ZERO : 0x30) + d);
  }
  return chars.join('');
}
