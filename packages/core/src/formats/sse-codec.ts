import { textCodec } from './codec.js';
import { decodeEmbeddedJson } from './embedded-json.js';
import { limitError, resolveLimits, type FormatLimits } from './limits.js';
import type { Leaf, RecordDecoder, RecordUnit, TextCodec, FormatTransform } from './types.js';

interface Line {
  readonly text: string;
  readonly eol: string;
}

/**
 * Incremental Server-Sent Events decoder (text/event-stream): one record per event, so events are released as soon
 * as their blank line arrives (ST-03). Leaves: each `data:` value (a JSON document on the line is decoded into its
 * own leaves, with JSON paths, and re-serialised; any other value is one text leaf), `id:` values and comments.
 * `event:`, `retry:`, unknown fields, the optional space after the colon and every line end (LF, CRLF, CR) are kept
 * verbatim. An event longer than `maxStringLength` is an error (the event-size cap).
 * @public
 */
export function createSseDecoder(options: FormatLimits = {}): RecordDecoder {
  const limits = resolveLimits(options);
  let pending = '';
  let lines: Line[] = [];
  let size = 0;
  let record = 0;

  const build = (event: Line[]): RecordUnit => {
    const n = record++;
    const pieces: string[] = [''];
    const leaves: Leaf[] = [];
    const text = (value: string, path: string, kind: Leaf['kind']) => {
      leaves.push({ value, path, field: path, kind, record: n });
    };
    for (const { text: line, eol } of event) {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      const space = value.startsWith(' ') ? ' ' : '';
      value = value.slice(space.length);
      if (colon === 0) {
        pieces[pieces.length - 1] += ':';
        text(line.slice(1), '', 'comment');
        pieces.push(eol);
      } else if ((field === 'data' || field === 'id') && value !== '') {
        pieces[pieces.length - 1] += `${field}:${space}`;
        const first = value.trimStart()[0];
        const json =
          field === 'data' && (first === '{' || first === '[') ? decodeEmbeddedJson(value, n, options) : undefined;
        if (json !== undefined) {
          pieces[pieces.length - 1] += json.pieces[0] as string;
          json.leaves.forEach((leaf, i) => {
            leaves.push(leaf);
            pieces.push(json.pieces[i + 1] as string);
          });
          pieces[pieces.length - 1] += eol;
        } else {
          text(value, '', 'text');
          pieces.push(eol);
        }
      } else {
        pieces[pieces.length - 1] += line + eol;
      }
    }
    return { record: n, pieces, leaves };
  };

  /** Splits complete lines off `pending`; a trailing CR waits for a possible LF unless the input ended. */
  const take = (final: boolean): RecordUnit[] => {
    const out: RecordUnit[] = [];
    let from = 0;
    for (;;) {
      let i = from;
      while (i < pending.length && pending[i] !== '\n' && pending[i] !== '\r') i++;
      if (i >= pending.length) break;
      let eol = pending[i] as string;
      if (eol === '\r') {
        if (i + 1 >= pending.length && !final) break;
        if (pending[i + 1] === '\n') eol = '\r\n';
      }
      const text = pending.slice(from, i);
      from = i + eol.length;
      if (text === '') {
        out.push(build([...lines, { text, eol }]));
        lines = [];
        size = 0;
      } else lines.push({ text, eol });
    }
    pending = pending.slice(from);
    size = lines.reduce((a, l) => a + l.text.length + l.eol.length, pending.length);
    if (size > limits.maxStringLength) throw limitError('event size', limits.maxStringLength, { record });
    return out;
  };

  return {
    spec: { format: 'sse' },
    write(chunk) {
      pending += chunk;
      return take(false);
    },
    end() {
      const out = take(true);
      if (pending !== '') lines.push({ text: pending, eol: '' });
      pending = '';
      if (lines.length > 0) out.push(build(lines));
      lines = [];
      return out;
    },
  };
}

/** Streaming SSE codec (see createSseDecoder). @public */
export function createSseCodec(options: FormatLimits, transform: FormatTransform): TextCodec {
  return textCodec(createSseDecoder(options), transform);
}
