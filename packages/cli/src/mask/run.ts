import {
  KamenError,
  createOrderedPool,
  maskText,
  packRecords,
  packedTransferList,
  type OrderedPool,
} from '@kamen/core';
import { kamenError, type OutputSink, type RecordSource } from '../io/index.js';
import { withContext } from '../io/records.js';
import { retargetXmlDeclaration } from '../io/xml-declaration.js';
import type { SliceSource } from '../io/slice-source.js';
import type { MaskResult, MaskTask, SetupResult } from '../worker.js';
import { maskBatch } from './batch.js';
import { decideValues, type FieldDecision, type SampleValues } from './decide.js';
import { planOf, type MaskJob, type MaskSetup } from './job.js';
import { createMasker } from './masker.js';
import { emptyStats, mergeStats, type MaskStats } from './stats.js';

/** dist/mask/run.js → dist/worker.js: the worker is resolved next to this module, wherever the CLI is installed. */
const WORKER_URL = new URL('../worker.js', import.meta.url).href;

export interface RunOptions {
  /** Records decoded here, or (workers only) raw slices that the workers decode. */
  readonly source: RecordSource | SliceSource;
  readonly job: MaskJob;
  readonly out: OutputSink;
  /** After each batch is written: records so far. */
  readonly onProgress?: (records: number) => void;
}

/** Masks one stream, in the main thread or on a worker pool started ahead of it. */
export interface MaskRunner {
  /** 0: the main thread; n ≥ 1: worker threads. */
  readonly workers: number;
  /** The stream's field decisions from the sample's values (on a worker when there are workers). */
  decide(values: SampleValues): Promise<Record<string, FieldDecision>>;
  /** Field names masked as free text, for the summary and report (on a worker when there are workers). */
  safeNames(names: readonly string[]): Promise<readonly string[]>;
  run(options: RunOptions): Promise<MaskStats>;
  /** Stops the workers; safe more than once and after a failure. */
  close(): Promise<void>;
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Young generation of each mask worker (V8 makes it 3 semi-spaces: ~5 MiB semi-spaces here). Issue 4 (peak RSS
 * < 300 MB with every worker): 8 MiB semi-spaces had kept 16 MiB of nursery per worker, and 2 MiB (6 here) cut
 * `kamen mask` on 30 MB of NDJSON / XML with 2 workers from ~310 / ~328 MB to ~268 / ~281 MB (bench/README.md, "RSS
 * work of 2026-12-01"). Since slices are masked in parts (slice-mask.ts) a worker's records die young and its old
 * generation is smaller, so a larger nursery now buys CPU (fewer scavenges, each with the same fixed cost): on 30 MB
 * of structured HR CSV, `--workers 1`, 16 against 6 took 6.4 vs 7.6 CPU-s (means of 3 alternating runs, load ~9),
 * peak RSS 176-189 vs 164-172 MB; `--workers 2`: XML 270-274 vs 250 MB, NDJSON 258 vs 238 MB, CSV 219 vs 216 MB.
 * The launcher leaves the semi-space flag unset for `kamen mask`, since a flag would override this limit.
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/**
 * Creates the runner. With workers, the pool starts NOW: each worker compiles the plan from `setup` and loads the
 * detection rules while the main thread samples the input and decides the fields, instead of after it.
 * Inline or on the pool, the bytes are the same: both run maskBatch with a plan compiled from the same setup and
 * the same decisions. The first failure stops the run; no batch after a failed one is written (WP-01), and the
 * caller aborts the output.
 */
export function createMaskRunner(setup: MaskSetup, workers: number): MaskRunner {
  if (workers <= 0) {
    const plan = planOf(setup);
    return {
      workers: 0,
      decide: async (values) => decideValues(values),
      safeNames: async (names) => names.map((name) => maskText(name, plan).text),
      async run({ source, job, out, onProgress }) {
        if (!('batches' in source)) throw new Error('kamen: slices need workers');
        const total = emptyStats();
        if (source.input.bom && job.outputEncoding === 'utf-8') await out.write(UTF8_BOM);
        const masker = createMasker(plan, job.decisions);
        for await (const batch of source.batches()) {
          await out.write(maskBatch(batch, job.spec, masker, job.outputEncoding));
          mergeStats(total, masker.take());
          onProgress?.(total.records);
        }
        return total;
      },
      close: async () => undefined,
    };
  }
  // Results are delivered to the run that is in progress (the pool exists before it).
  let deliver: (result: MaskResult) => Promise<void> = () => Promise.reject(new Error('kamen: result before run'));
  const pool: OrderedPool<MaskTask, MaskResult | SetupResult> = createOrderedPool<MaskTask, MaskResult | SetupResult>(
    {
      filename: WORKER_URL,
      threads: workers,
      workerData: setup,
      maxInFlight: workers * 2,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    },
    (result) => deliver(result as MaskResult),
  );
  const call = async (task: MaskTask): Promise<SetupResult> => {
    let result: MaskResult | SetupResult;
    try {
      result = await pool.call(task);
    } catch (err) {
      throw workerFailed(err);
    }
    if ('error' in result) throw withContext(result.error, result.error.context);
    return result as SetupResult;
  };
  return {
    workers,
    async decide(values) {
      const result = await call({ decide: values });
      if (!('decisions' in result)) throw new Error('kamen: a worker answered a decide task with something else');
      return result.decisions;
    },
    async safeNames(names) {
      if (names.length === 0) return [];
      const result = await call({ names });
      if (!('names' in result) || result.names.length !== names.length)
        throw new Error('kamen: a worker answered a names task with something else');
      return result.names;
    },
    async run({ source, job, out, onProgress }) {
      const total = emptyStats();
      // A slice numbers its records from 0: the records of the slices delivered before it make them absolute.
      // Packed batches carry the numbers the main thread's decoder gave them.
      const sliced = !('batches' in source);
      let unitsBefore = 0;
      deliver = async (result) => {
        if ('error' in result) {
          const c = result.error.context;
          const absolute = sliced && c.record !== undefined ? { ...c, record: c.record + unitsBefore } : c;
          throw withContext(result.error, absolute);
        }
        unitsBefore += result.units;
        await out.write(result.bytes);
        mergeStats(total, result.stats);
        onProgress?.(total.records);
      };
      if (source.input.bom && job.outputEncoding === 'utf-8') await out.write(UTF8_BOM);
      try {
        // push() waits while the window is full: reading the input waits with it (backpressure).
        if ('batches' in source) {
          // Packed: cloning the record objects cost more than decoding them (bench/cli.ts); the arrays are moved.
          for await (const batch of source.batches()) {
            const packed = packRecords(batch);
            await pool.push({ packed, decisions: job.decisions, spec: job.spec }, packedTransferList(packed));
          }
        } else {
          // Raw slices: this thread only finds record ends; decoding, masking and encoding scale with the workers.
          const stream = {
            file: source.input.name,
            format: source.format,
            encoding: source.input.encoding,
            spec: source.spec,
            columns: source.columns,
            recordDelimiter: source.recordDelimiter,
            declareEncoding: job.outputEncoding,
          };
          let first = true;
          for await (const item of source.slices()) {
            if ('records' in item) {
              // XML past a record too long to slice, decoded here (numbered from 0 in each batch, like a slice).
              // A first item decoded here starts the input: its declaration is retargeted as io/records.ts does.
              const head = item.records[0];
              if (first && head !== undefined && job.outputEncoding !== source.input.encoding)
                retargetXmlDeclaration(head, job.outputEncoding);
              first = false;
              const packed = packRecords(item.records);
              await pool.push({ packed, decisions: job.decisions, spec: job.spec }, packedTransferList(packed));
              continue;
            }
            first = false;
            const task = { ...item, stream, decisions: job.decisions };
            await pool.push(task, [item.bytes.buffer as ArrayBuffer]);
          }
        }
        await pool.drain();
      } catch (err) {
        throw workerFailed(await firstFailure(pool, err, () => (sliced ? unitsBefore : 0)));
      }
      return total;
    },
    close: () => pool.close(),
  };
}

/**
 * The run's first failure in input order: a task sent before the input failed may have failed too (its result is
 * still on the way), and its error comes first. An input error's record number counts from the end of the last
 * item sent (slice-source.ts): every task's records are delivered once the pool is drained.
 */
async function firstFailure(pool: OrderedPool<MaskTask, unknown>, err: unknown, delivered: () => number) {
  try {
    await pool.drain();
  } catch (earlier) {
    return earlier;
  }
  if (!(err instanceof KamenError) || err.context.record === undefined) return err;
  return withContext(err, { ...err.context, record: err.context.record + delivered() });
}

/** A crashed or out-of-memory worker fails the run closed, like a masking error; KamenErrors and EPIPE pass as they are. */
function workerFailed(err: unknown): unknown {
  if (err instanceof KamenError || (err as { code?: string }).code === 'EPIPE') return err;
  return kamenError('KAMEN_ERR_MASK_FAILED', `a worker failed (${(err as Error).message})`);
}
