/**
 * The piscina worker of `kamen scan` (built to dist/scan/scan-worker.js): detection, which is nearly all of a
 * scan's time, for a batch of values. The main thread keeps the records and the profile; a worker only returns
 * what detect() found, per value, as flat arrays (counts, types, scores): no value ever comes back.
 */
import { detect } from '@kamen/core';

export interface ScanTask {
  /** Every leaf value of the batch's records, in order. */
  readonly values: readonly string[];
}

export interface ScanResult {
  /** counts[i]: findings in values[i]; their types and scores follow each other in `types` and `scores`. */
  readonly counts: Uint16Array;
  readonly types: string[];
  readonly scores: Float64Array;
}

export default function scanTask(task: ScanTask): ScanResult {
  const counts = new Uint16Array(task.values.length);
  const types: string[] = [];
  const scores: number[] = [];
  task.values.forEach((value, i) => {
    // Blank values are not detected (the profiler counts them as empty), exactly as the inline path does.
    if (value.trim() === '') return;
    const found = detect(value, { conflicts: 'merge' });
    counts[i] = Math.min(found.length, 0xffff);
    for (const f of found.slice(0, 0xffff)) {
      types.push(f.type);
      scores.push(f.score);
    }
  });
  return { counts, types, scores: Float64Array.from(scores) };
}
