/**
 * The piscina worker of `kamen mask` (built to dist/worker.js). workerData is the MaskJob decided in the main
 * thread (policy, role, key material, field decisions, format spec, output encoding); the plan is compiled once per
 * worker. Each task is a batch of records; the result is the batch's encoded output bytes, transferred (not
 * copied) back, with the counts of what was masked. Any error rejects the task, which fails the run (WP-01).
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { KamenError, unpackRecords, type ErrorContext, type PackedRecords } from '@kamen/core';
import { maskBatch, ownBuffer } from './mask/batch.js';
import type { MaskJob } from './mask/job.js';
import { planOf } from './mask/job.js';
import { createMasker } from './mask/masker.js';
import type { MaskStats } from './mask/stats.js';

export interface MaskTask {
  /** The batch packed by core's packRecords: one string and moved typed arrays, not thousands of cloned objects. */
  readonly packed: PackedRecords;
}

/** A batch's output, or the KamenError that stopped it (as data: an Error thrown across threads loses its code). */
export type MaskResult =
  | { readonly bytes: Uint8Array; readonly stats: MaskStats }
  | { readonly error: { readonly code: string; readonly message: string; readonly context: ErrorContext } };

const job = workerData as MaskJob;
const masker = createMasker(planOf(job), job.decisions);

export default function maskTask(task: MaskTask): unknown {
  let bytes: Uint8Array;
  try {
    bytes = ownBuffer(maskBatch(unpackRecords(task.packed), job.spec, masker, job.outputEncoding));
  } catch (err) {
    if (!(err instanceof KamenError)) throw err;
    const result: MaskResult = { error: { code: err.code, message: err.message, context: err.context } };
    return result;
  }
  const result: MaskResult = { bytes, stats: masker.take() };
  return move({ [transferableSymbol]: bytes.buffer, [valueSymbol]: result } as never);
}
