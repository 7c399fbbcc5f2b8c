/**
 * Japanese check-digit algorithms, exactly as jp-pii-spec.md §1–§3 gives them (verified there against
 * python-stdnum doctests and ministerial-ordinance worked examples).
 */

const MY_NUMBER_WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** My Number (個人番号): check digit for an 11-digit base (総務省令第85号 第5条). */
export function myNumberCheckDigit(base11: string): number {
  let s = 0;
  for (let i = 0; i < 11; i++) s += (base11.charCodeAt(i) - 48) * (MY_NUMBER_WEIGHTS[i] as number);
  const r = s % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** Corporate Number (法人番号): leading check digit for a 12-digit base (財務省令第70号 第2条, with the errata). */
export function corporateNumberCheckDigit(base12: string): number {
  let s = 0;
  for (let n = 1; n <= 12; n++) {
    const p = base12.charCodeAt(12 - n) - 48;
    s += p * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (s % 9);
}

/** Health-insurance insurer number (保険者番号): Luhn-style check digit over the body, from the right end ×2,×1,… */
export function insurerNumberCheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, w = 2; i >= 0; i--, w = w === 2 ? 1 : 2) {
    const p = (body.charCodeAt(i) - 48) * w;
    sum += p > 9 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}

/** Driver's licence (運転免許証番号): UNOFFICIAL reverse-engineered check digit; a confidence boost only. */
export function driversLicenseCheckDigit(first10: string): number {
  const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let s = 0;
  for (let i = 0; i < 10; i++) s += (first10.charCodeAt(i) - 48) * (w[i] as number);
  return (11 - (s % 11)) % 10;
}
