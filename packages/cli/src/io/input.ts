import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { kamenError } from './errors.js';
import { createByteDecoder, detectEncoding, hasUtf8Bom, type TextEncodingName } from './encoding.js';
import { formatFromPath, sniffFormat, type InputFormat } from './format.js';

/** Bytes looked at before deciding encoding and format. */
export const SNIFF_BYTES = 64 * 1024;
/**
 * Read size for files. It also bounds what the main thread decodes at once (JSON, XML it does not slice,
 * --on-error skip): a batch closes only between chunks, so with 1 MiB chunks the "256 Ki characters" batches were a
 * whole chunk's records (~1,000 XML records, packed into large-object strings). 30 MB of XML with 2 workers peaked at
 * ~261 MB with 256 KiB chunks instead of ~288 MB with 1 MiB; 64 KiB chunks let 64 Ki-character batches close on time
 * (records.ts).
 */
const FILE_CHUNK = 64 * 1024;

export interface InputOptions {
  /** File to read; stdin when undefined (or '-'). */
  readonly path?: string | undefined;
  readonly stdin: NodeJS.ReadableStream;
  /** Undefined or 'auto': detected from the first bytes. */
  readonly encoding?: TextEncodingName | 'auto' | undefined;
  /** Undefined or 'auto': from the file extension, else sniffed from the first text. */
  readonly format?: InputFormat | 'auto' | undefined;
}

/** An input whose encoding and format are known; its text is read once, in order, by `text()`. */
export interface OpenedInput {
  /** The file name, for messages ('<stdin>' for standard input). */
  readonly name: string;
  /** File size in bytes; undefined for stdin. */
  readonly size: number | undefined;
  readonly encoding: TextEncodingName;
  /** The input began with a UTF-8 BOM (stripped from the text; the output writer puts it back, CLI-04). */
  readonly bom: boolean;
  readonly format: InputFormat;
  /** The whole input fit into the first read (small stdin): worth processing inline, without workers. */
  readonly small: boolean;
  /** Bytes read so far (for progress). */
  readonly bytesRead: number;
  /** The first bytes read (at least SNIFF_BYTES unless the input is shorter), BOM included. */
  readonly head: Uint8Array;
  /** Decoded text chunks, BOM removed. Throws KAMEN_ERR_INPUT_ENCODING on invalid bytes. Iterate once. */
  text(): AsyncIterable<string>;
  /**
   * The raw bytes instead (BOM included, not validated: whoever decodes them does). Iterate once, and either
   * this or text().
   */
  bytes(): AsyncIterable<Uint8Array>;
  /** Stops reading (closes the file); safe after the end and more than once. */
  close(): Promise<void>;
}

/** Opens a file or stdin, reads up to SNIFF_BYTES, and decides encoding and format. */
export async function openInput(options: InputOptions): Promise<OpenedInput> {
  const path = options.path === '-' ? undefined : options.path;
  const name = path ?? '<stdin>';
  const size = path !== undefined ? (await stat(path)).size : undefined;
  const stream = path !== undefined ? createReadStream(path, { highWaterMark: FILE_CHUNK }) : options.stdin;
  const chunks = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    const b = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(b);
    headBytes += b.length;
  }
  const first = Buffer.concat(head);
  const sample = first.subarray(0, SNIFF_BYTES);
  let encoding: TextEncodingName;
  if (options.encoding === undefined || options.encoding === 'auto') {
    const found = detectEncoding(sample, ended && sample.length === first.length);
    if (found === undefined) {
      throw kamenError(
        'KAMEN_ERR_INPUT_ENCODING',
        'neither UTF-8, Shift_JIS/CP932 nor EUC-JP; name it with --encoding',
        {
          file: name,
        },
      );
    }
    encoding = found;
  } else encoding = options.encoding;
  const bom = encoding === 'utf-8' && hasUtf8Bom(first);
  const decoder = createByteDecoder(encoding, name);
  // Decoding the head now both validates it and gives the format sniffer text; it is the text's first chunk.
  const headText = decoder.write(first);
  let format: InputFormat;
  if (options.format !== undefined && options.format !== 'auto') format = options.format;
  else format = (path !== undefined ? formatFromPath(path) : undefined) ?? sniffFormat(headText, ended);
  let bytesRead = first.length;
  let consumed = false;
  return {
    name,
    size,
    encoding,
    bom,
    format,
    small: ended,
    get bytesRead() {
      return bytesRead;
    },
    head: first,
    async *bytes() {
      if (consumed) throw new Error('kamen: input read twice');
      consumed = true;
      yield first;
      if (ended) return;
      for (;;) {
        const next = await chunks.next();
        if (next.done === true) return;
        const b = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        bytesRead += b.length;
        yield b;
      }
    },
    async *text() {
      if (consumed) throw new Error('kamen: input text read twice');
      consumed = true;
      if (headText !== '') yield headText;
      if (!ended) {
        for (;;) {
          const next = await chunks.next();
          if (next.done === true) break;
          const b = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
          bytesRead += b.length;
          const t = decoder.write(b);
          if (t !== '') yield t;
        }
      }
      const rest = decoder.end();
      if (rest !== '') yield rest;
    },
    async close() {
      if (path !== undefined) (stream as ReturnType<typeof createReadStream>).destroy();
      await chunks.return?.();
    },
  };
}
