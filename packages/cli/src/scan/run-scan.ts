import { createProfiler, type ProfileOptions } from '@kamen/core';
import { openInput, openRecords, type InputFormat, type TextEncodingName } from '../io/index.js';
import type { ScanReport } from './report.js';

export interface ScanOptions {
  readonly path: string | undefined;
  readonly stdin: NodeJS.ReadableStream;
  readonly format: InputFormat | 'auto';
  readonly encoding: TextEncodingName | 'auto';
  /** Values per field sampled for classification and examples. */
  readonly sample: number;
  /** Stop after this many records (undefined: read everything). */
  readonly maxRecords: number | undefined;
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
  try {
    // The io layer reads a sample ahead for mask's classification; the profiler keeps its own, so keep it small.
    const source = await openRecords(input, { sampleRecords: 1 });
    let records = 0;
    outer: for await (const batch of source.batches()) {
      for (const unit of batch) {
        // Units without string leaves: the CSV header row, JSON text around records, numbers-only records.
        if (unit.leaves.length === 0) continue;
        if (options.maxRecords !== undefined && records >= options.maxRecords) {
          truncated = true;
          break outer;
        }
        profiler.addRecord(unit.leaves);
        records++;
      }
    }
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
