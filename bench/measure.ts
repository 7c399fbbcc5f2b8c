/**
 * Throughput measurement: UTF-8 bytes per second of one library over a list of documents, single thread,
 * median of several timed passes after warm-up passes. Slow libraries are timed on a prefix of the input
 * sized so one pass takes about `passSeconds`; the row records how many bytes were actually timed.
 */
import { sample, type BenchInput } from './inputs.js';
import type { Contender } from './peers.js';

/** One measured library/language pair. */
export interface ThroughputRow {
  readonly library: string;
  readonly lang: string;
  readonly mbPerSecond: number;
  /** Bytes timed per pass (less than the full input when the library is too slow for all of it). */
  readonly bytesTimed: number;
  readonly fullInput: boolean;
}

const isThenable = (x: unknown): x is PromiseLike<unknown> =>
  typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';

/** One pass over the documents; returns seconds. Async libraries are awaited one call at a time. */
async function pass(c: Contender, docs: readonly string[]): Promise<number> {
  let sink = 0;
  const start = process.hrtime.bigint();
  const first = c.run(docs[0] as string);
  if (isThenable(first)) {
    await first;
    for (let i = 1; i < docs.length; i++) {
      const out = await (c.run(docs[i] as string) as PromiseLike<unknown>);
      if (out !== undefined) sink++;
    }
  } else {
    // A plain loop for synchronous libraries, so no microtask cost is charged to them.
    for (let i = 1; i < docs.length; i++) if (c.run(docs[i] as string) !== undefined) sink++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink < 0) throw new Error('unreachable');
  return seconds;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** Two warm-up passes on ~256 KB (the second estimates speed), one on the timed input, then `runs` timed passes; returns MB/s (10^6 bytes). */
export async function measure(
  c: Contender,
  input: BenchInput,
  options: { runs: number; passSeconds: number },
): Promise<ThroughputRow> {
  const warm = sample(input, 256 * 1024);
  await pass(c, warm.docs);
  // Estimate speed on the second pass: the first one pays for lazy loading (dictionaries, rule compilation).
  const estimated = warm.bytes / (await pass(c, warm.docs));
  const timed = sample(input, Math.max(256 * 1024, estimated * options.passSeconds));
  await pass(c, timed.docs);
  const seconds: number[] = [];
  for (let i = 0; i < options.runs; i++) seconds.push(await pass(c, timed.docs));
  return {
    library: c.name,
    lang: input.lang,
    mbPerSecond: timed.bytes / median(seconds) / 1e6,
    bytesTimed: timed.bytes,
    fullInput: timed.bytes >= input.bytes,
  };
}
