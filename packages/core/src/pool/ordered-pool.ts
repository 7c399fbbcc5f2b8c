import { Piscina } from 'piscina';
import type { ResourceLimits } from 'node:worker_threads';

export interface OrderedPoolOptions {
  /** Absolute path or file: URL of the worker module (its default export handles one task). */
  readonly filename: string;
  /** Worker threads (default 1). */
  readonly threads?: number;
  /** Passed to every worker once, at start (policy, keys, rule files): never per task. */
  readonly workerData?: unknown;
  /** Tasks submitted but not yet delivered; push() waits beyond this (default threads × 2). */
  readonly maxInFlight?: number;
  readonly resourceLimits?: ResourceLimits;
}

/**
 * A piscina pool that returns results in submission order, with a bounded window of tasks in flight.
 * Callers send BATCHES (thousands of records per task), never one message per record.
 * The first failure (a task that throws, a worker that crashes or runs out of memory) fails the whole run:
 * no later result is delivered, so no partial output can follow a lost batch (WP-01).
 * @public
 */
export interface OrderedPool<T, R = unknown> {
  /** Submits a task. Resolves when there is room for another one: await it for backpressure. */
  push(task: T, transferList?: readonly ArrayBuffer[]): Promise<void>;
  /**
   * Runs one task outside the ordered stream (set-up work on a worker, such as a stream's field decisions, so the
   * calling thread need not load what the workers load anyway) and resolves with its result. Its failure rejects
   * here only; a pool that already failed rejects at once.
   */
  call(task: T, transferList?: readonly ArrayBuffer[]): Promise<R>;
  /** Resolves after every submitted task's result was delivered; rejects with the first failure. */
  drain(): Promise<void>;
  /** Stops the workers. Safe to call more than once and after a failure. */
  close(): Promise<void>;
}

interface Pending<R> {
  readonly done: Promise<void>;
  result?: R;
  failed?: { readonly error: unknown };
}

export function createOrderedPool<T, R>(
  options: OrderedPoolOptions,
  onResult: (result: R, index: number) => void | Promise<void>,
): OrderedPool<T, R> {
  const threads = Math.max(1, options.threads ?? 1);
  const pool = new Piscina<T, R>({
    filename: options.filename,
    minThreads: threads,
    maxThreads: threads,
    workerData: options.workerData,
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  });
  const maxInFlight = Math.max(1, options.maxInFlight ?? threads * 2);
  const window: Pending<R>[] = [];
  let delivered = 0;
  let failure: unknown;
  let closed = false;
  // Errors not tied to a task (a worker lost outside one, a result that arrives after close() dropped its task)
  // are events: unheard, they would crash the process. Before close they fail the run; after, it is over anyway.
  pool.on('error', (err: unknown) => {
    if (!closed) failure ??= err;
  });

  // Delivers the oldest task's result; tasks finish out of order but are handed over in order. Failures too: the
  // run fails with the first failed task in submission order (the first malformed record of the input, say),
  // whichever finished first.
  const deliverHead = async (): Promise<void> => {
    const head = window[0] as Pending<R>;
    await head.done;
    if (failure !== undefined) throw failure;
    if (head.failed !== undefined) {
      failure = head.failed.error;
      throw failure;
    }
    window.shift();
    try {
      await onResult(head.result as R, delivered++);
    } catch (err) {
      failure = err; // a result the caller rejects ends the run like a failed task
      throw err;
    }
  };

  return {
    async push(task, transferList) {
      if (failure !== undefined) throw failure;
      if (closed) throw new Error('kamen pool: push after close');
      const pending: Pending<R> = {
        done: pool.run(task, transferList ? { transferList: [...transferList] } : {}).then(
          (r) => {
            pending.result = r;
          },
          (error: unknown) => {
            pending.failed = { error };
          },
        ),
      } as Pending<R>;
      window.push(pending);
      while (window.length >= maxInFlight) await deliverHead();
    },
    async call(task, transferList) {
      if (failure !== undefined) throw failure;
      if (closed) throw new Error('kamen pool: call after close');
      return pool.run(task, transferList ? { transferList: [...transferList] } : {});
    },
    async drain() {
      while (window.length > 0) await deliverHead();
      if (failure !== undefined) throw failure;
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.destroy();
    },
  };
}
