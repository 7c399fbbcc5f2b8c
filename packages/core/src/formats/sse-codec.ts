import { applyTransform } from './apply.js';
import { codecWithJsonNumbers, decodeEmbeddedJson } from './embedded-json.js';
import { liftJsonNumbers, type LiftedNumbers } from './json-numbers.js';
import { limitError, resolveLimits, type FormatLimits } from './limits.js';
import type { Leaf, RecordDecoder, RecordUnit, TextCodec, FormatTransform } from './types.js';

interface Line {
  readonly text: string;
  readonly eol: string;
}

/** Fields whose value (after the colon) is the leaf; the field name itself is fixed syntax. */
const KNOWN = new Set(['data', 'id', 'event', 'retry']);

/**
 * An `id:` leaf takes the field of a JSON data leaf of the same event with the same value (`id: E10001` next to
 * `"社員番号":"E10001"`), so it is typed and masked exactly like that value and cannot show what the data hides.
 */
function linkId(leaves: Leaf[], index: number): void {
  const id = leaves[index] as Leaf;
  const twin = leaves.find((l) => l.kind === 'value' && l.path.startsWith('$') && l.value === id.value);
  if (twin !== undefined) leaves[index] = { ...id, field: twin.field };
}

function decoder(options: FormatLimits, lifted: LiftedNumbers | undefined): RecordDecoder {
  const limits = resolveLimits(options);
  let pending = '';
  let lines: Line[] = [];
  let size = 0;
  let record = 0;

  const build = (event: Line[]): RecordUnit => {
    const n = record++;
    const pieces: string[] = [''];
    const leaves: Leaf[] = [];
    const ids: number[] = [];
    const text = (prefix: string, value: string, path: string, kind: Leaf['kind'], eol: string) => {
      pieces[pieces.length - 1] += prefix;
      leaves.push({ value, path, field: path, kind, record: n });
      pieces.push(eol);
    };
    for (const { text: line, eol } of event) {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      const space = value.startsWith(' ') ? ' ' : '';
      value = value.slice(space.length);
      if (line === '') {
        pieces[pieces.length - 1] += eol; // the blank line that ends the event
      } else if (colon === 0) {
        text(':', line.slice(1), '', 'comment', eol);
      } else if (!KNOWN.has(field)) {
        // Clients ignore unknown fields, but their bytes still reach the client: the whole line is free text.
        text('', line, '', 'text', eol);
      } else if (value === '') {
        pieces[pieces.length - 1] += line + eol;
      } else if (field === 'data' && (value.trimStart()[0] === '{' || value.trimStart()[0] === '[')) {
        const json = decodeEmbeddedJson(value, n, options);
        if (json === undefined) {
          text(`data:${space}`, value, '', 'text', eol);
          continue;
        }
        // JSON numbers (a My Number sent as a number) take part like in a JSON body; the codec writes them back.
        if (lifted !== undefined)
          for (const [leaf, number] of liftJsonNumbers([{ record: n, ...json }])) lifted.set(leaf, number);
        pieces[pieces.length - 1] += `data:${space}${json.pieces[0] as string}`;
        json.leaves.forEach((leaf, i) => {
          leaves.push(leaf);
          pieces.push(json.pieces[i + 1] as string);
        });
        pieces[pieces.length - 1] += eol;
      } else {
        // `id` has a path of its own so that route rules and the policy can name it; event/retry are free text.
        if (field === 'id') ids.push(leaves.length);
        text(`${field}:${space}`, value, field === 'id' ? 'id' : '', 'text', eol);
      }
    }
    for (const i of ids) linkId(leaves, i);
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

/**
 * Incremental Server-Sent Events decoder (text/event-stream): one record per event, so events are released as soon
 * as their blank line arrives (ST-03). Every byte that can carry a value is a leaf: each `data:` value (a JSON
 * document on the line is decoded into its own leaves, with JSON paths, and re-serialised; any other value is one
 * text leaf), `id:` values (path `id`; field of the data value it repeats, see linkId), `event:` and `retry:` values,
 * comments, and whole lines of unknown fields. Field names of data/id/event/retry, the optional space after the colon
 * and every line end (LF, CRLF, CR) are kept verbatim. An event longer than `maxStringLength` is an error (the
 * event-size cap).
 * @public
 */
export function createSseDecoder(options: FormatLimits = {}): RecordDecoder {
  return decoder(options, undefined);
}

/**
 * Streaming SSE codec (see createSseDecoder). JSON numbers of data lines are masked too (liftJsonNumbers), and a
 * changed `id` loses any NUL, which would make clients drop the id (CR/LF never get through the encoder).
 * @public
 */
export function createSseCodec(options: FormatLimits, transform: FormatTransform): TextCodec {
  const lifted: LiftedNumbers = new Map();
  return codecWithJsonNumbers(
    decoder(options, lifted),
    () => lifted,
    transform,
    (units, t) => {
      const ids = units.flatMap((u) => u.leaves.filter((l) => l.path === 'id').map((l) => [l, l.value] as const));
      applyTransform(units, t);
      for (const [leaf, before] of ids) if (leaf.value !== before) leaf.value = leaf.value.replace(/\0/g, ' ');
    },
  );
}
