import type { LeafKind, LeafLocation, TextCodec, FormatTransform } from '@kamen/core';

export interface Seen {
  readonly value: string;
  readonly path: string;
  readonly field: string;
  readonly kind: LeafKind;
  readonly record: number;
}

export type CodecFactory<O> = (options: O, transform: FormatTransform) => TextCodec;

/** Runs a codec over `input` cut at `cuts` (sorted offsets); returns the output and every leaf the transform saw. */
export function runCodec<O>(
  factory: CodecFactory<O>,
  options: O,
  input: string,
  cuts: readonly number[] = [],
  map: (value: string, loc: LeafLocation) => string = (v) => v,
): { output: string; seen: Seen[] } {
  const seen: Seen[] = [];
  const codec = factory(options, (value, loc) => {
    seen.push({ value, path: loc.path, field: loc.field, kind: loc.kind, record: loc.record });
    return map(value, loc);
  });
  let output = '';
  let at = 0;
  for (const cut of cuts) {
    output += codec.write(input.slice(at, cut));
    at = cut;
  }
  output += codec.write(input.slice(at));
  output += codec.end();
  return { output, seen };
}

/** Sorted, de-duplicated cut points inside [0, length]. */
export function cutPoints(raw: readonly number[], length: number): number[] {
  return [...new Set(raw.map((r) => (length === 0 ? 0 : r % (length + 1))))].sort((a, b) => a - b);
}

/** Runs `fn` and returns the thrown error (fails the test if nothing is thrown). */
export function thrown(fn: () => unknown): { code?: string; context?: Record<string, unknown>; message: string } {
  try {
    fn();
  } catch (err) {
    return err as { code?: string; context?: Record<string, unknown>; message: string };
  }
  throw new Error('expected an error');
}

/** Runs a whole input through a codec with the identity transform. */
export function once<O>(factory: CodecFactory<O>, options: O, input: string): string {
  return runCodec(factory, options, input).output;
}
