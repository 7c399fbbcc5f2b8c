/**
 * Digits of a written value with their positions and width, so an operator can change digits and write them
 * back exactly where and how they were written (ASCII stays ASCII, full-width ０-９ stays full-width).
 */
export interface WrittenDigits {
  /** The digits as ASCII '0'-'9'. */
  readonly digits: string;
  /** UTF-16 index of each digit in the value. */
  readonly positions: readonly number[];
}

const FW_ZERO = 0xff10;

/** Reads every ASCII or full-width digit of `value`. */
export function readDigits(value: string): WrittenDigits {
  let digits = '';
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += String.fromCharCode(c);
    else if (c >= FW_ZERO && c <= FW_ZERO + 9) digits += String.fromCharCode(c - FW_ZERO + 48);
    else continue;
    positions.push(i);
  }
  return { digits, positions };
}

/** Writes `digits` (ASCII, same count) back into `value` at the digit positions, keeping each digit's width. */
export function writeDigits(value: string, read: WrittenDigits, digits: string): string {
  let out = '';
  let from = 0;
  for (let k = 0; k < read.positions.length; k++) {
    const i = read.positions[k] as number;
    const d = digits.charCodeAt(k) - 48;
    out += value.slice(from, i) + String.fromCharCode((value.charCodeAt(i) >= FW_ZERO ? FW_ZERO : 48) + d);
    from = i + 1;
  }
  return out + value.slice(from);
}

/** '0123' -> [0,1,2,3] and back, for FF1's digit arrays. */
export function toArray(digits: string): number[] {
  const out = new Array<number>(digits.length);
  for (let k = 0; k < digits.length; k++) out[k] = digits.charCodeAt(k) - 48;
  return out;
}
export function fromArray(a: readonly number[]): string {
  let out = '';
  for (const d of a) out += String.fromCharCode(d + 48);
  return out;
}
