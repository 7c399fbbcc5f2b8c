/**
 * Independent re-implementations of the check-digit algorithms, written from jp-pii-spec.md in a different form
 * from packages/core (ordinance right-to-left indexing, BigInt for mod-97, string arithmetic for Luhn), so the
 * generators do not share a bug with the code under test.
 */

const digits = (s: string): number[] => [...s].map(Number);

/** 総務省令第85号 第5条, verbatim form: P_n is the n-th digit from the right of the base, Q_n = n+1 (n ≤ 6) or n−5. */
export function refMyNumberCheckDigit(base11: string): number {
  const d = digits(base11);
  let s = 0;
  for (let n = 1; n <= 11; n++) s += (d[11 - n] as number) * (n <= 6 ? n + 1 : n - 5);
  const r = s % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** 財務省令第70号 第2条 with the errata: 9 − (Σ P_n·Q_n mod 9), Q_n = 1 for odd n, 2 for even n (from the right). */
export function refCorporateCheckDigit(base12: string): number {
  const d = digits(base12).reverse();
  const s = d.reduce((acc, p, i) => acc + p * ((i + 1) % 2 === 1 ? 1 : 2), 0);
  return 9 - (s % 9);
}

/** Luhn: sum of the digits of every doubled digit (as a string), from the right. */
export function refLuhnValid(number: string): boolean {
  const d = digits(number).reverse();
  const s = d.reduce((acc, x, i) => {
    if (i % 2 === 0) return acc + x;
    return acc + [...String(x * 2)].reduce((a, c) => a + Number(c), 0);
  }, 0);
  return s % 10 === 0;
}

/** The Luhn check digit for `body` by search over the ten candidates. */
export function refLuhnCheckDigit(body: string): number {
  for (let c = 0; c <= 9; c++) if (refLuhnValid(body + c)) return c;
  throw new Error('unreachable');
}

/** 保険者番号: weights 2,1,2,… from the right end of the body; digits of each product summed. */
export function refInsurerCheckDigit(body: string): number {
  const d = digits(body).reverse();
  const s = d.reduce((acc, x, i) => acc + [...String(x * (i % 2 === 0 ? 2 : 1))].reduce((a, c) => a + Number(c), 0), 0);
  return (10 - (s % 10)) % 10;
}

/** Unofficial licence check digit: (11 − Σ w·d mod 11) mod 10, w = 5,4,3,2,7,6,5,4,3,2. */
export function refLicenceCheckDigit(first10: string): number {
  const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const s = digits(first10).reduce((acc, x, i) => acc + x * (w[i] as number), 0);
  return (11 - (s % 11)) % 10;
}

/** ISO 13616 mod-97 with BigInt over the letter-expanded string. */
export function refIbanValid(iban: string): boolean {
  const c = iban.replace(/ /g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(c)) return false;
  const expanded = [...(c.slice(4) + c.slice(0, 4))].map((ch) => (/\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55)));
  return BigInt(expanded.join('')) % 97n === 1n;
}

/** Check digits making `cc + dd + bban` valid, by BigInt. */
export function refIbanCheckDigits(cc: string, bban: string): string {
  const expanded = [...(bban + cc + '00')].map((ch) => (/\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55)));
  return String(98n - (BigInt(expanded.join('')) % 97n)).padStart(2, '0');
}
