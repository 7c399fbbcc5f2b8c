import { Readable } from 'node:stream';
import type { ProxyConfig } from '../config/types.js';
import type { MaskPool } from './mask-pool.js';

/** An upstream body read to its end, or the bytes read before it outgrew the limit and the iterator of the rest. */
export type Collected =
  | { readonly whole: true; readonly bytes: Buffer }
  | { readonly whole: false; readonly head: readonly Buffer[]; readonly rest: AsyncIterator<Buffer> };

/**
 * The largest upstream body (as received, and per decoded layer) masked whole instead of streamed: what the
 * response sink would hold anyway to send a Content-Length (limits.bufferBytes), and never a body the pool's workers
 * would take (workers.minBodyBytes), so a large body keeps its backpressure and its worker threads.
 */
export function wholeBodyLimit(config: ProxyConfig, pool: MaskPool | undefined): number {
  const { limits } = config;
  const limit = Math.min(limits.bufferBytes, limits.maxBodyBytes, limits.maxDecompressedBytes);
  return pool !== undefined ? Math.min(limit, config.workers.minBodyBytes) : limit;
}

/**
 * Reads `body` until it ends or more than `max` bytes came. One async iterator serves both outcomes, so an upstream
 * error between collecting and streaming the rest is never lost: it surfaces on the next read of `rest`.
 */
export async function collect(body: Readable, max: number): Promise<Collected> {
  // Destroying an undici body emits an error even when nothing reads it any more (a replay stopped early): expected.
  body.on('error', () => undefined);
  const it = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let size = 0;
  for (;;) {
    const next = await it.next();
    if (next.done === true) {
      return { whole: true, bytes: head.length === 1 ? (head[0] as Buffer) : Buffer.concat(head, size) };
    }
    head.push(next.value);
    size += next.value.length;
    if (size > max) return { whole: false, head, rest: it };
  }
}

/** A stream of a body whose start was already read: `head`, then the rest of the upstream body. */
export function replay(head: readonly Buffer[], rest?: AsyncIterator<Buffer>): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      yield* head;
      if (rest === undefined) return;
      for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
    } finally {
      // Stopped early (a failed pipeline): the upstream body is released, which aborts its request.
      await rest?.return?.();
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
