import { describe, expect, it } from 'vitest';
import { codecStream, createCsvCodec, createJsonCodec } from '@kamen/core';

async function pipe(chunks: string[], stream: TransformStream<string, string>): Promise<string> {
  const source = new ReadableStream<string>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  let out = '';
  for await (const part of source.pipeThrough(stream)) out += part;
  return out;
}

describe('codecStream', () => {
  it('streams bytes → text → codec → text like the codec itself', async () => {
    const input = '[{"氏名":"山田","tel":"090-1234-5678"}]';
    const bytes = new TextEncoder().encode(input);
    // Cut inside the UTF-8 of 山 (bytes 10..12): the TextDecoderStream joins it before the codec sees it.
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 11));
        controller.enqueue(bytes.slice(11));
        controller.close();
      },
    });
    let out = '';
    const masked = source
      .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))
      .pipeThrough(codecStream(createJsonCodec({}, (v, loc) => (loc.kind === 'value' ? '*' : v))));
    for await (const part of masked) out += part;
    expect(out).toBe('[{"氏名":"*","tel":"*"}]');
  });

  it('errors the stream on malformed input (fail closed)', async () => {
    await expect(pipe(['a,b\n', '"1,2\n'], codecStream(createCsvCodec({}, (v) => v)))).rejects.toMatchObject({
      code: 'KAMEN_ERR_INPUT_CSV',
    });
  });
});
