import { Transform, type Readable } from 'node:stream';
import type { TextCodec } from '@kamen/core';
import { proxyError, type ProxyErrorCode } from '../errors.js';

/** Passes bytes through until more than `max` have gone by, then fails with `code` (body caps, PX-12). */
export function byteLimit(max: number, code: ProxyErrorCode, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) done(proxyError(code, `${what} exceeds ${max} bytes`));
      else done(null, chunk);
    },
  });
}

/**
 * Bytes in (declared charset, decoded strictly: invalid bytes fail, EN-07), masked UTF-8 bytes out. Output for a
 * record is released as soon as the record is complete, so memory is bounded by the codec's record size. A codec
 * error fails the stream; nothing after it is emitted.
 */
export function maskStream(codec: TextCodec, charset: string): Transform {
  const decoder = new TextDecoder(charset, { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        const out = codec.write(decoder.decode(chunk, { stream: true }));
        done(null, out === '' ? undefined : Buffer.from(out, 'utf8'));
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        const rest = decoder.decode();
        let out = rest === '' ? '' : codec.write(rest);
        out += codec.end();
        done(null, out === '' ? undefined : Buffer.from(out, 'utf8'));
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

/** Drops upstream bodies we will not use (destroying one aborts the upstream request; its error is expected). */
export function discard(...bodies: Readable[]): void {
  for (const body of bodies) {
    body.on('error', () => undefined);
    body.destroy();
  }
}
