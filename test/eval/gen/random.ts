// Seeded randomness for the evaluation corpus: the same seed gives the same corpus on every machine.

/** A source of uniform numbers in [0, 1). */
export type Rand = () => number;

/**
 * Deterministic PRNG (mulberry32) returning 32-bit unsigned integers: tiny, fast, good enough for test data. The
 * one copy the tests and benchmarks share (the proxy's demo, runtime code, keeps its own).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** mulberry32 as uniform numbers in [0, 1). */
export function rng(seed: number): Rand {
  const u32 = mulberry32(seed);
  return () => u32() / 4294967296;
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
export const chance = (r: Rand, p: number): boolean => r() < p;
export const digits = (r: Rand, n: number): string => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A value generated for a slot, plus the pieces of it that must not survive masking. */
export interface Value {
  readonly value: string;
  /** Name parts, both sides of an e-mail, every group of 4+ digits (after NFKC), or the whole value. */
  readonly fragments: readonly string[];
}

/** ASCII digits, letters, '-' and '.' to their full-width forms (what NFKC folds back). */
export function fullWidth(s: string): string {
  return s.replace(/[\d.a-z-]/gi, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

/** The groups of 4 or more digits in a value (after NFKC), or all its digits when no group is that long. */
export function digitFragments(v: string): string[] {
  const n = v.normalize('NFKC');
  const runs = n.match(/\d{4,}/g);
  if (runs) return runs;
  return [n];
}

/** A numeric value whose surviving 4+ digit groups count as a leak. */
export const numeric = (value: string): Value => ({ value, fragments: digitFragments(value) });
/** A value that leaks only if it survives whole. */
export const whole = (value: string): Value => ({ value, fragments: [value.normalize('NFKC')] });

/** Writes digit groups with one separator, the ways forms and tickets do. */
export function grouped(r: Rand, groups: readonly string[], seps: readonly string[]): string {
  return groups.join(pick(r, seps));
}
