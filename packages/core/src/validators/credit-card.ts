/**
 * Payment card brand ranges (issuer identification numbers) with the lengths each brand issues.
 * Luhn alone passes one random number in ten; requiring a known IIN and length removes most order numbers,
 * JAN codes (13 digits, which no current brand uses) and corporate numbers.
 */
interface BrandRange {
  readonly brand: string;
  readonly from: number;
  readonly to: number;
  /** Number of leading digits compared with from/to. */
  readonly digits: number;
  readonly lengths: readonly number[];
}

const RANGES: readonly BrandRange[] = [
  { brand: 'visa', from: 4, to: 4, digits: 1, lengths: [16, 19] },
  { brand: 'mastercard', from: 51, to: 55, digits: 2, lengths: [16] },
  { brand: 'mastercard', from: 2221, to: 2720, digits: 4, lengths: [16] },
  { brand: 'amex', from: 34, to: 34, digits: 2, lengths: [15] },
  { brand: 'amex', from: 37, to: 37, digits: 2, lengths: [15] },
  { brand: 'jcb', from: 3528, to: 3589, digits: 4, lengths: [16, 17, 18, 19] },
  { brand: 'diners', from: 300, to: 305, digits: 3, lengths: [14, 16, 17, 18, 19] },
  { brand: 'diners', from: 36, to: 36, digits: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { brand: 'diners', from: 38, to: 39, digits: 2, lengths: [16, 17, 18, 19] },
  { brand: 'discover', from: 6011, to: 6011, digits: 4, lengths: [16, 17, 18, 19] },
  { brand: 'discover', from: 644, to: 649, digits: 3, lengths: [16, 17, 18, 19] },
  { brand: 'discover', from: 65, to: 65, digits: 2, lengths: [16, 17, 18, 19] },
  { brand: 'unionpay', from: 62, to: 62, digits: 2, lengths: [16, 17, 18, 19] },
];

/** The card brand whose IIN range and length fit `digits`, or undefined. */
export function cardBrandOf(digits: string): string | undefined {
  if (!/^\d{14,19}$/.test(digits)) return undefined;
  for (const r of RANGES) {
    const prefix = Number(digits.slice(0, r.digits));
    if (prefix >= r.from && prefix <= r.to && r.lengths.includes(digits.length)) return r.brand;
  }
  return undefined;
}
