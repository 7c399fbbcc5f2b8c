/** Luhn (mod 10) check over a string of ASCII digits, check digit last. */
export function luhn(digits: string): boolean {
  if (digits.length < 2 || !/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit that completes `body`. */
export function luhnCheckDigit(body: string): number {
  for (let d = 0; d <= 9; d++) if (luhn(body + d)) return d;
  throw new RangeError('luhnCheckDigit: body must be ASCII digits');
}
