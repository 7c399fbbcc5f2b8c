import { KamenError, createOrderedPool, packRecords, packedTransferList } from '@kamen/core';
import { kamenError, type OutputSink, type RecordSource } from '../io/index.js';
import type { MaskResult, MaskTask } from '../worker.js';
import { maskBatch } from './batch.js';
import { planOf, type MaskJob } from './job.js';
import { createMasker } from './masker.js';
import { emptyStats, mergeStats, type MaskStats } from './stats.js';

/** dist/mask/run.js → dist/worker.js: the worker is resolved next to this module, wherever the CLI is installed. */
const WORKER_URL = new URL('../worker.js', import.meta.url).href;

export interface RunOptions {
  readonly source: RecordSource;
  readonly job: MaskJob;
  readonly out: OutputSink;
  /** 0: mask in the main thread; n ≥ 1: a pool of n worker threads. */
  readonly workers: number;
  /** After each batch is written: records so far. */
  readonly onProgress?: (records: number) => void;
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Masks every record of `source` into `out`, in order. Inline or on the worker pool, the bytes are the same: both
 * run maskBatch with a plan compiled from the same job. The first failure stops the run; no batch after a failed
 * one is written (WP-01), and the caller aborts the output.
 */
export async function runMask(options: RunOptions): Promise<MaskStats> {
  const { source, job, out } = options;
  const total = emptyStats();
  if (source.input.bom && job.outputEncoding === 'utf-8') await out.write(UTF8_BOM);
  if (options.workers <= 0) {
    const masker = createMasker(planOf(job), job.decisions);
    for await (const batch of source.batches()) {
      await out.write(maskBatch(batch, job.spec, masker, job.outputEncoding));
      mergeStats(total, masker.take());
      options.onProgress?.(total.records);
    }
    return total;
  }
  const pool = createOrderedPool<MaskTask, MaskResult>(
    { filename: WORKER_URL, threads: options.workers, workerData: job, maxInFlight: options.workers * 2 },
    async (result) => {
      if ('error' in result) throw new KamenError(result.error.code, result.error.message, result.error.context);
      await out.write(result.bytes);
      mergeStats(total, result.stats);
      options.onProgress?.(total.records);
    },
  );
  try {
    // push() waits while the window is full: reading the input waits with it (backpressure).
    // Packed: cloning the record objects cost more than decoding them (bench/cli.ts); the arrays are moved.
    for await (const batch of source.batches()) {
      const packed = packRecords(batch);
      await pool.push({ packed }, packedTransferList(packed));
    }
    await pool.drain();
  } catch (err) {
    if (err instanceof KamenError || (err as { code?: string }).code === 'EPIPE') throw err;
    // A crashed or out-of-memory worker: the run fails closed, like a masking error.
    throw kamenError('KAMEN_ERR_MASK_FAILED', `a worker failed (${(err as Error).message})`);
  } finally {
    await pool.close();
  }
  return total;
}
