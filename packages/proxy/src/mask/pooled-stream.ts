import { Transform } from 'node:stream';
import {
  applyTransform,
  encodeRecords,
  liftJsonNumbers,
  lowerJsonNumbers,
  packRecords,
  type FormatTransform,
  type RecordDecoder,
  type RecordUnit,
} from '@kamen/core';
import { proxyError } from '../errors.js';
import type { FieldDecider } from './field-decider.js';
import type { MaskCounts } from './leaf-masker.js';
import type { MaskPool } from './mask-pool.js';
import type { MaskTask, MaskTaskResult } from './mask-task.js';

export interface PooledMaskOptions {
  readonly decoder: RecordDecoder;
  readonly charset: string;
  /** JSON/NDJSON: member numbers are masked too (lifted into leaves, as body-codec.ts does inline). */
  readonly jsonNumbers: boolean;
  /** The inline transform (createLeafMasker with `decider`), used until the body is large enough for the pool. */
  readonly transform: FormatTransform;
  readonly decider: FieldDecider;
  readonly pool: MaskPool;
  /** What every task of this body carries besides its records and decisions. */
  readonly task: Pick<MaskTask, 'role' | 'tenant' | 'fields' | 'fieldsId'>;
  readonly counts: MaskCounts;
}

/**
 * Bytes in (declared charset, strict), masked UTF-8 bytes out, like maskStream; records are masked inline until
 * `workers.minBodyBytes` bytes (decompressed) were read and the pool's workers are up, then in the pool: batches of about
 * `workers.batchBytes`, at most `workers.maxInFlight` of them out at once (reading waits: backpressure), their
 * output written in order. The main thread still decides the body's fields, so a batch masks in a worker exactly
 * as it would have inline. A failed or lost batch (a worker error or crash) fails the stream: nothing after it
 * is written, and respondMasked answers 502 or aborts the connection.
 */
export function pooledMaskStream(o: PooledMaskOptions): Transform {
  const { config } = o.pool;
  const text = new TextDecoder(o.charset, { fatal: true });
  const window: Promise<MaskTaskResult>[] = [];
  let read = 0;
  let pooled = false;
  let pending: RecordUnit[] = [];
  let pendingBytes = 0;

  const inline = (units: RecordUnit[]): Buffer | undefined => {
    if (units.length === 0) return undefined;
    const lifted = o.jsonNumbers ? liftJsonNumbers(units) : undefined;
    applyTransform(units, o.transform);
    if (lifted !== undefined) lowerJsonNumbers(units, lifted);
    const out = encodeRecords(o.decoder.spec, units);
    return out === '' ? undefined : Buffer.from(out, 'utf8');
  };

  const submit = (units: RecordUnit[]): void => {
    // Decide every field of the batch here (numbers included), then send the records unchanged.
    const lifted = o.jsonNumbers ? liftJsonNumbers(units) : undefined;
    // Only this batch's fields travel: a body with ever new keys must not resend all earlier ones with each batch.
    const fields = new Set<string>();
    for (const unit of units)
      for (const leaf of unit.leaves) {
        o.decider.typeOf(leaf);
        fields.add(leaf.field);
      }
    if (lifted !== undefined) lowerJsonNumbers(units, lifted);
    const task: MaskTask = {
      ...o.task,
      decisions: o.decider.decisions(fields),
      spec: o.decoder.spec,
      jsonNumbers: o.jsonNumbers,
      packed: packRecords(units),
    };
    const result = o.pool.run(task);
    result.catch(() => undefined); // observed when delivered; a later failure must not go unhandled meanwhile
    window.push(result);
  };

  return new Transform({
    async transform(chunk: Buffer, _enc, done) {
      try {
        const decoded = text.decode(chunk, { stream: true });
        read += chunk.length;
        const units = o.decoder.write(decoded);
        if (!pooled && read > config.minBodyBytes && o.pool.ready()) pooled = true;
        if (!pooled) {
          done(null, inline(units));
          return;
        }
        pending.push(...units);
        pendingBytes += chunk.length;
        if (pendingBytes >= config.batchBytes) {
          submit(pending);
          pending = [];
          pendingBytes = 0;
        }
        while (window.length >= config.maxInFlight) this.push(await deliver(window.shift(), o.counts));
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    async flush(done) {
      try {
        const rest = text.decode();
        const units = [...(rest === '' ? [] : o.decoder.write(rest)), ...o.decoder.end()];
        if (!pooled) {
          done(null, inline(units));
          return;
        }
        pending.push(...units);
        if (pending.length > 0) submit(pending);
        pending = [];
        while (window.length > 0) this.push(await deliver(window.shift(), o.counts));
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

async function deliver(next: Promise<MaskTaskResult> | undefined, counts: MaskCounts): Promise<Buffer> {
  let r: MaskTaskResult;
  try {
    r = await (next as Promise<MaskTaskResult>);
  } catch (cause) {
    // A batch that threw or whose worker died: a masking failure (502 / abort), whatever the worker's error was.
    throw proxyError('KAMEN_PROXY_ERR_MASK', 'a mask worker failed', {}, cause);
  }
  for (const [type, n] of r.counts) counts.set(type, (counts.get(type) ?? 0) + n);
  return Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
}
