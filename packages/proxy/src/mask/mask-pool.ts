import { Piscina } from 'piscina';
import type { PackedRecords } from '@kamen/core';
import { packedTransferList } from '@kamen/core';
import type { WorkersConfig } from '../config/types.js';
import type { PlanSetup } from '../policy-set.js';
import type { MaskTask, MaskTaskResult } from './mask-task.js';

/**
 * dist/mask/mask-pool.js → dist/mask/worker.js. Run from the TypeScript sources (the tests), the built worker in
 * dist/ is used: worker threads load compiled JavaScript.
 */
export const MASK_WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/mask/worker.js', import.meta.url).href
  : new URL('./worker.js', import.meta.url).href;

/** The runtime's worker threads for large bodies, shared by every response. */
export interface MaskPool {
  readonly config: WorkersConfig;
  /**
   * True once the workers have loaded (rules, dictionaries). The first call starts them; until they are ready,
   * bodies stay inline, so no response waits for a worker to start.
   */
  ready(): boolean;
  run(task: MaskTask): Promise<MaskTaskResult>;
  /** Stops the workers (graceful close, or a retired runtime whose last request finished). */
  close(): Promise<void>;
}

/** A pool of `config.threads` workers, started on the first ready() call; undefined when threads is 0. */
export function createMaskPool(
  config: WorkersConfig,
  setup: PlanSetup,
  filename: string = MASK_WORKER_URL,
): MaskPool | undefined {
  if (config.threads === 0) return undefined;
  let pool: Piscina | undefined;
  let isReady = false;
  let closed = false;
  const start = (): Piscina => {
    pool = new Piscina({
      filename,
      minThreads: config.threads,
      maxThreads: config.threads,
      workerData: setup,
      // A crashed worker is replaced by piscina; the task it held rejects (its response fails closed).
      idleTimeout: Number.POSITIVE_INFINITY,
      // Workers wait for tasks on their message port, not in Atomics.wait: an idle pool costs no CPU.
      atomics: 'disabled',
    });
    // Every worker loads the rules before its first task; one answered 'ready' task means they can take work.
    pool.run('ready').then(
      () => {
        isReady = true;
      },
      () => undefined, // a worker that cannot start: bodies stay inline, tasks are never sent
    );
    return pool;
  };
  return {
    config,
    ready() {
      if (closed) return false;
      if (pool === undefined) start();
      return isReady;
    },
    run(task) {
      if (closed || pool === undefined) return Promise.reject(new Error('kamen mask pool: not running'));
      return pool.run(task, {
        transferList: packedTransferList(task.packed as PackedRecords),
      }) as Promise<MaskTaskResult>;
    },
    async close() {
      closed = true;
      await pool?.destroy();
    },
  };
}
