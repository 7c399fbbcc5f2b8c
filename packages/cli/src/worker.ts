/**
 * The piscina worker of `kamen mask` (built to dist/worker.js). workerData is the MaskSetup (policy, role, key
 * material, output encoding): the plan is compiled and the detection rules loaded as soon as the worker starts,
 * while the main thread is still sampling the input. Each task is a batch of records, or raw bytes of whole records
 * that the worker decodes itself, with the stream's field decisions (decided once in the main thread); the result
 * is the batch's encoded output bytes, transferred (not copied) back, with the counts of what was masked. Any error
 * fails the run (WP-01). Two set-up tasks run outside the stream: the field decisions from the sample's values, and
 * field names made safe for the summary; both need detection, which the workers load anyway, so the main thread
 * never loads the rules and dictionaries.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import {
  KamenError,
  maskText,
  unpackRecords,
  type ErrorContext,
  type FormatSpec,
  type PackedRecords,
} from '@kamen/core';
import { maskBatch, ownBuffer } from './mask/batch.js';
import { decideValues, type FieldDecision, type FieldDecisions, type SampleValues } from './mask/decide.js';
import type { MaskSetup } from './mask/job.js';
import { planOf } from './mask/job.js';
import { createMasker, type Masker } from './mask/masker.js';
import { type SliceAt, type SliceStream } from './mask/slice.js';
import { maskSlice, type MaskedSlice } from './mask/slice-mask.js';
import type { MaskStats } from './mask/stats.js';

/** Records decoded in the main thread (JSON, Shift_JIS/CP932 XML, XML past a 4 MiB record, --on-error skip). */
export interface PackedTask {
  /** The batch packed by core's packRecords: one string and moved typed arrays, not thousands of cloned objects. */
  readonly packed: PackedRecords;
  /** The same for every task of a run: small, and any worker may take any task. */
  readonly decisions: FieldDecisions;
  readonly spec: FormatSpec;
}

/** Raw bytes of whole records (CSV, TSV, NDJSON, text, UTF-8/EUC-JP XML): the worker decodes them itself. */
export interface SliceTask extends SliceAt {
  readonly stream: SliceStream;
  readonly decisions: FieldDecisions;
}

/** Set-up: decide the sampled fields (the answer is the same in any thread: classifyField with the built-in rules). */
export interface DecideTask {
  readonly decide: SampleValues;
}

/** End of run: the summary's field names, masked as free text (a JSON key can be personal data). */
export interface NamesTask {
  readonly names: readonly string[];
}

export type MaskTask = PackedTask | SliceTask | DecideTask | NamesTask;

/**
 * A batch's output and the number of records it decoded (the main thread numbers records across slices), or the
 * KamenError that stopped it (as data: an Error thrown across threads loses its code), with record numbers local
 * to the slice.
 */
export type MaskResult =
  | { readonly bytes: Uint8Array; readonly stats: MaskStats; readonly units: number }
  | { readonly error: { readonly code: string; readonly message: string; readonly context: ErrorContext } };

export type SetupResult =
  | { readonly decisions: Record<string, FieldDecision> }
  | { readonly names: readonly string[] }
  | Extract<MaskResult, { error: unknown }>;

const setup = workerData as MaskSetup;
const plan = planOf(setup);
// Warm up while the main thread samples the input: the first detection loads the rules and name dictionaries.
maskText('山田太郎 090-1234-5678 taro@example.com', plan);
let masker: Masker | undefined;

export default function maskTask(task: MaskTask): unknown {
  if ('decide' in task || 'names' in task) return setupTask(task);
  let result: MaskResult;
  try {
    masker ??= createMasker(plan, task.decisions); // one pool serves one stream: its decisions never change
    let done: MaskedSlice;
    if ('packed' in task) {
      const records = unpackRecords(task.packed);
      done = { bytes: maskBatch(records, task.spec, masker, setup.outputEncoding), units: records.length };
    } else done = maskSlice(task.stream, task, masker, setup.outputEncoding);
    result = { bytes: ownBuffer(done.bytes), stats: masker.take(), units: done.units };
  } catch (err) {
    if (!(err instanceof KamenError)) throw err;
    return { error: { code: err.code, message: err.message, context: err.context } } satisfies MaskResult;
  }
  return move({ [transferableSymbol]: result.bytes.buffer, [valueSymbol]: result } as never);
}

function setupTask(task: DecideTask | NamesTask): SetupResult {
  try {
    return 'decide' in task
      ? { decisions: decideValues(task.decide) }
      : { names: task.names.map((name) => maskText(name, plan).text) };
  } catch (err) {
    if (!(err instanceof KamenError)) throw err;
    return { error: { code: err.code, message: err.message, context: err.context } };
  }
}
