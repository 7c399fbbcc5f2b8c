import {
  createOrderedPool,
  createProfiler,
  liftJsonNumbers,
  type Detected,
  type EntityType,
  type ProfileOptions,
  type Profiler,
  type RecordUnit,
} from '@kamen/core';
import { openInput, openRecords, type InputFormat, type TextEncodingName } from '../io/index.js';
import type { ScanReport } from './report.js';
import type { ScanResult, ScanTask } from './scan-worker.js';

/** dist/scan/run-scan.js → dist/scan/scan-worker.js, wherever the CLI is installed. */
const WORKER_URL = new URL('./scan-worker.js', import.meta.url).href;

export interface ScanOptions {
  readonly path: string | undefined;
  readonly stdin: NodeJS.ReadableStream;
  readonly format: InputFormat | 'auto';
  readonly encoding: TextEncodingName | 'auto';
  /** Values per field sampled for classification and examples. */
  readonly sample: number;
  /** Stop after this many records (undefined: read everything). */
  readonly maxRecords: number | undefined;
  /** Detection threads: 0 = the main thread; undefined = 0 for small inputs, else cores − 1. */
  readonly workers: (inputBytes: number | undefined, small: boolean) => number;
  readonly profile?: ProfileOptions;
}

/**
 * Reads an input through the CLI's io layer (encoding and format detection, strict decoding, record batches)
 * and profiles every record: nothing is written anywhere but the report.
 */
export async function runScan(options: ScanOptions): Promise<ScanReport> {
  const started = performance.now();
  const input = await openInput({
    path: options.path,
    stdin: options.stdin,
    encoding: options.encoding,
    format: options.format,
  });
  const profiler = createProfiler({ sampleSize: options.sample, ...options.profile });
  let truncated = false;
  let records = 0;
  const json = input.format === 'json' || input.format === 'ndjson';
  // The records a batch holds, up to --max-records (units without string leaves are not records: the CSV header,
  // JSON text around records).
  const take = (batch: RecordUnit[]): RecordUnit[] => {
    // JSON member numbers are profiled as values (kamen mask masks them: a My Number or salary sent as a number).
    if (json) liftJsonNumbers(batch);
    const out: RecordUnit[] = [];
    for (const unit of batch) {
      if (unit.leaves.length === 0) continue;
      if (options.maxRecords !== undefined && records >= options.maxRecords) {
        truncated = true;
        break;
      }
      out.push(unit);
      records++;
    }
    return out;
  };
  try {
    // The io layer reads a sample ahead for mask's classification; the profiler keeps its own, so keep it small.
    const source = await openRecords(input, { sampleRecords: 1 });
    const workers = options.workers(input.size, input.small);
    if (workers <= 0) {
      for await (const batch of source.batches()) {
        for (const unit of take(batch)) profiler.addRecord(unit.leaves);
        if (truncated) break;
      }
    } else await profileOnPool(source.batches(), take, profiler, workers, () => truncated);
  } finally {
    await input.close();
  }
  const profile = profiler.finish();
  return {
    kind: 'kamen-scan-report',
    version: 1,
    input: { name: input.name, format: input.format, encoding: input.encoding, bom: input.bom, bytes: input.bytesRead },
    truncated,
    elapsedMs: Math.round(performance.now() - started),
    generated: new Date().toISOString(),
    ...profile,
  };
}

/**
 * Detection on a worker pool, results in input order (core's ordered pool: bounded, backpressure on the input, the
 * first failure fails the scan). The main thread keeps every batch's records until its result comes back and
 * feeds both to the profiler, so the profile is the one the main thread alone would build.
 */
async function profileOnPool(
  batches: AsyncIterable<RecordUnit[]>,
  take: (batch: RecordUnit[]) => RecordUnit[],
  profiler: Profiler,
  workers: number,
  stop: () => boolean,
): Promise<void> {
  const waiting: RecordUnit[][] = [];
  const pool = createOrderedPool<ScanTask, ScanResult>({ filename: WORKER_URL, threads: workers }, (result) => {
    const units = waiting.shift() as RecordUnit[];
    let v = 0;
    let f = 0;
    for (const unit of units) {
      const detected: Detected[][] = [];
      for (let i = 0; i < unit.leaves.length; i++, v++) {
        const found: Detected[] = [];
        for (let n = result.counts[v] as number; n > 0; n--, f++) {
          found.push({ type: result.types[f] as EntityType, score: result.scores[f] as number });
        }
        detected.push(found);
      }
      profiler.addRecord(unit.leaves, detected);
    }
  });
  try {
    for await (const batch of batches) {
      const units = take(batch);
      if (units.length > 0) {
        waiting.push(units);
        await pool.push({ values: units.flatMap((u) => u.leaves.map((l) => l.value)) });
      }
      if (stop()) break;
    }
    await pool.drain();
  } finally {
    await pool.close();
  }
}
