import type { TextCodec } from './types.js';

/**
 * A codec as a WHATWG `TransformStream<string, string>` (global in Node ≥ 18; no Node streams): the adapter the
 * proxy (undici bodies are web streams) and the CLI (`Readable.toWeb`, `pipeline`) share. Bytes are decoded before it,
 * e.g. by `new TextDecoderStream('utf-8', { fatal: true })`. A codec error errors the stream; nothing after it is
 * emitted.
 * @public
 */
export function codecStream(codec: TextCodec): TransformStream<string, string> {
  return new TransformStream<string, string>({
    transform(chunk, controller) {
      const out = codec.write(chunk);
      if (out !== '') controller.enqueue(out);
    },
    flush(controller) {
      const out = codec.end();
      if (out !== '') controller.enqueue(out);
    },
  });
}
