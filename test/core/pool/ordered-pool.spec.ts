import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOrderedPool } from '../../../packages/core/src/pool/ordered-pool.js';

// Real worker threads running a real module (no mocks): it echoes batches after a task-given delay,
// throws on request, or kills its own thread.
const dir = mkdtempSync(join(tmpdir(), 'kamen-pool-'));
const worker = join(dir, 'worker.mjs');
writeFileSync(
  worker,
  `export default async function ({ id, delay, mode }) {
    if (mode === 'throw') throw new Error('batch failed');
    if (mode === 'throw-late') {
      await new Promise((r) => setTimeout(r, delay));
      throw new Error('batch ' + id + ' failed');
    }
    if (mode === 'crash') process.exit(7);
    await new Promise((r) => setTimeout(r, delay));
    return { id, doubled: id * 2 };
  }`,
);

describe('createOrderedPool', () => {
  it('delivers results in submission order whatever order the workers finish in', async () => {
    const seen: number[] = [];
    const pool = createOrderedPool<{ id: number; delay: number }, { id: number }>(
      { filename: worker, threads: 2, maxInFlight: 4 },
      (r, index) => {
        expect(r.id).toBe(index);
        seen.push(r.id);
      },
    );
    for (let id = 0; id < 20; id++) await pool.push({ id, delay: (id * 7) % 5 });
    await pool.drain();
    await pool.close();
    expect(seen).toEqual([...Array(20).keys()]);
  });

  it('bounds the tasks in flight: push waits until the oldest result is delivered', async () => {
    let delivered = 0;
    const pool = createOrderedPool<{ id: number; delay: number }, unknown>(
      { filename: worker, threads: 1, maxInFlight: 2 },
      () => {
        delivered++;
      },
    );
    await pool.push({ id: 0, delay: 20 });
    expect(delivered).toBe(0);
    await pool.push({ id: 1, delay: 0 }); // window full: waits for task 0
    expect(delivered).toBe(1);
    await pool.drain();
    await pool.close();
    expect(delivered).toBe(2);
  });

  it.each(['throw', 'crash'])('fails the run when a task fails (%s) and delivers nothing after it', async (mode) => {
    const seen: number[] = [];
    const pool = createOrderedPool<{ id: number; delay: number; mode?: string }, { id: number }>(
      { filename: worker, threads: 2, maxInFlight: 8 },
      (r) => {
        seen.push(r.id);
      },
    );
    await pool.push({ id: 0, delay: 0 });
    await pool.push({ id: 1, delay: 0, mode });
    await pool.push({ id: 2, delay: 0 });
    await expect(pool.drain()).rejects.toThrow();
    await expect(pool.push({ id: 3, delay: 0 })).rejects.toThrow();
    await pool.close();
    expect(seen).not.toContain(2);
    expect(seen).not.toContain(3);
  });

  it('reports the first failed task in submission order, not the first to fail', async () => {
    const seen: number[] = [];
    const pool = createOrderedPool<{ id: number; delay: number; mode?: string }, { id: number }>(
      { filename: worker, threads: 2, maxInFlight: 8 },
      (r) => {
        seen.push(r.id);
      },
    );
    await pool.push({ id: 0, delay: 0 });
    // Task 1 fails well after task 2 does: the run still fails with task 1's error (the earlier input).
    await pool.push({ id: 1, delay: 300, mode: 'throw-late' });
    await pool.push({ id: 2, delay: 0, mode: 'throw-late' });
    await expect(pool.drain()).rejects.toThrow('batch 1 failed');
    await pool.close();
    expect(seen).toEqual([0]);
  });

  it('call() runs a task outside the ordered stream and returns its result; a failed call does not fail the stream', async () => {
    const seen: number[] = [];
    const pool = createOrderedPool<{ id: number; delay: number; mode?: string }, { id: number; doubled: number }>(
      { filename: worker, threads: 2, maxInFlight: 4 },
      (r, index) => {
        expect(r.id).toBe(index);
        seen.push(r.id);
      },
    );
    await pool.push({ id: 0, delay: 5 });
    expect(await pool.call({ id: 21, delay: 0 })).toEqual({ id: 21, doubled: 42 });
    await expect(pool.call({ id: 99, delay: 0, mode: 'throw' })).rejects.toThrow('batch failed');
    await pool.push({ id: 1, delay: 0 });
    await pool.drain();
    expect(seen).toEqual([0, 1]); // the calls' results never reach onResult
    await pool.close();
    await expect(pool.call({ id: 2, delay: 0 })).rejects.toThrow('after close');
  });

  it('call() rejects at once on a pool whose stream already failed', async () => {
    const pool = createOrderedPool<{ id: number; delay: number; mode?: string }, unknown>(
      { filename: worker, threads: 1, maxInFlight: 4 },
      () => undefined,
    );
    await pool.push({ id: 0, delay: 0, mode: 'throw' });
    await expect(pool.drain()).rejects.toThrow('batch failed');
    await expect(pool.call({ id: 1, delay: 0 })).rejects.toThrow('batch failed');
    await pool.close();
  });
});
