import fc from 'fast-check';
import iconv from 'iconv-lite';
import { KamenError, createXmlDecoder, encodeRecords, type RecordUnit } from '@kamen/core';
import { createByteDecoder } from '../../packages/cli/src/io/encoding.js';
import { located } from '../../packages/cli/src/io/records.js';
import { sliceXml, type SliceItem } from '../../packages/cli/src/io/xml-slices.js';
import { decodeSlice, type SliceStream } from '../../packages/cli/src/mask/slice.js';

// Generated XML documents and the two ways of decoding them: one whole-input decode (the main thread's path) and
// slices cut by sliceXml, each decoded alone as a worker does (mask/slice.ts), batches past a long record as they are.

const jp = fc.constantFrom('山田', '太郎', 'ｱｲ', '東京都', '090-1234-5678', 'taro@example.com', 'a', ' ', '\r\n', '\n');
const textChars = fc.oneof(jp, fc.constantFrom('&amp;', '&gt;', '&lt;', '&#x5C71;', '>', ']] ', '"', "'"));
const text = fc.array(textChars, { maxLength: 4 }).map((a) => a.join(''));
const name = fc.constantFrom('r', '社員', 'h:tel', 'x-y', 'a.b', '氏名');
const ws = fc.constantFrom('', ' ', '\n', '\r\n  ', '\t');
const attrValue = fc.array(fc.constantFrom('a>b', '山田', '&quot;', '/', '>', ' ', '/>'), { maxLength: 3 });
const attr = fc
  .tuple(fc.constantFrom('id', 'note', 'h:v', 'xmlns:h'), attrValue, fc.boolean(), ws)
  .map(([n, v, dq, w]) => {
    const value = v.join('');
    return dq ? ` ${n}${w}=${w}"${value}"` : ` ${n}='${value.replace(/&quot;/gu, '"')}'`;
  });
const attrs = fc.uniqueArray(attr, { maxLength: 3, selector: (a) => a.trim().split(/[\s=]/u)[0] });
const misc = fc.oneof(
  fc.constant('<!-- c > -- -->'.replace(' -- ', ' - ')),
  fc.constant('<!--->-->'),
  fc.constant('<?pi a > b??>'),
  fc.constant('<![CDATA[ ]] > ]>山田<x> ]]]>'),
  text,
);

/** An element of `depth` levels at most, with attributes, text, comments, CDATA, PIs and children. */
const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      name,
      attrs,
      ws,
      depth > 1 ? fc.array(fc.oneof(misc, element(depth - 1)), { maxLength: 3 }) : fc.array(misc, { maxLength: 2 }),
      fc.boolean(),
    )
    .map(([n, a, w, children, empty]) =>
      empty && children.length === 0
        ? `<${n}${a.join('')}${w === '' ? '' : ' '}/>`
        : `<${n}${a.join('')}${w}>${children.join('')}</${n}${w === '\t' ? ' ' : ''}>`,
    ),
);

export interface XmlDoc {
  readonly text: string;
  readonly bom: boolean;
}

export const xmlDoc: fc.Arbitrary<XmlDoc> = fc
  .record({
    bom: fc.boolean(),
    decl: fc.boolean(),
    before: fc.array(fc.constantFrom('<!-- head -->', '<?pi x?>', '\n', '\r\n'), { maxLength: 2 }),
    root: fc.constantFrom('root', '社員一覧', 'h:root'),
    ns: fc.boolean(),
    records: fc.array(fc.tuple(fc.oneof(ws, misc), element(3)), { maxLength: 8 }),
    close: ws,
    after: fc.array(fc.constantFrom('<!-- tail -->', '<?pi y?>', '\n', ' '), { maxLength: 2 }),
  })
  .map((d) => {
    const decl = d.decl ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '';
    const ns = d.ns ? ' xmlns="urn:x" xmlns:h="urn:h"' : '';
    const body = d.records.map(([lead, el]) => lead + el).join('');
    const text = `${decl}${d.before.join('')}<${d.root}${ns}>${body}${d.close}</${d.root}>${d.after.join('')}`;
    return { text, bom: d.bom && decl === '' ? false : d.bom };
  });

export type Outcome =
  | { readonly units: RecordUnit[]; readonly output: string }
  | { readonly error: { code: string; line?: number; column?: number; record?: number; file?: string } };

function failed(err: unknown): Outcome {
  if (!(err instanceof KamenError)) throw err;
  const c = err.context;
  return { error: { code: err.code, line: c.line, column: c.column, record: c.record, file: c.file } };
}

export function encodeDoc(doc: XmlDoc, encoding: 'utf-8' | 'euc-jp'): Uint8Array {
  if (encoding === 'euc-jp') return new Uint8Array(iconv.encode(doc.text, 'euc-jp'));
  return new Uint8Array(Buffer.from(`${doc.bom ? '\ufeff' : ''}${doc.text}`, 'utf8'));
}

/** The main thread's path: the whole input through one byte decoder and one XML decoder. */
export function wholeOutcome(bytes: Uint8Array, encoding: 'utf-8' | 'euc-jp'): Outcome {
  try {
    const b = createByteDecoder(encoding, 'in.xml');
    const d = createXmlDecoder({});
    const text = b.write(bytes) + b.end();
    const units = located(() => [...d.write(text), ...d.end()], 'in.xml');
    return { units, output: encodeRecords({ format: 'xml' }, units) };
  } catch (err) {
    return failed(err);
  }
}

async function* chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    yield bytes.slice(at, c);
    at = c;
  }
  yield bytes.slice(at);
}

export interface SliceSizes {
  readonly cuts: readonly number[];
  readonly sliceBytes: number;
  readonly sliceRecords: number;
  readonly switchBytes: number;
}

/** The workers' path: slices decoded alone (record numbers made absolute as run.ts does), batches as they are. */
export async function slicedOutcome(
  bytes: Uint8Array,
  encoding: 'utf-8' | 'euc-jp',
  sizes: SliceSizes,
): Promise<Outcome & { items: SliceItem[] }> {
  const stream: SliceStream = {
    file: 'in.xml',
    format: 'xml',
    encoding,
    spec: { format: 'xml' },
    columns: [],
    recordDelimiter: '\n',
  };
  const units: RecordUnit[] = [];
  const items: SliceItem[] = [];
  let output = '';
  const absolute = (err: unknown): Outcome & { items: SliceItem[] } => {
    const out = failed(err);
    if ('error' in out && out.error.record !== undefined) out.error.record += units.length;
    return { ...out, items };
  };
  try {
    for await (const item of sliceXml(chunked(bytes, sizes.cuts), { encoding, file: 'in.xml', ...sizes })) {
      items.push(item);
      let part: RecordUnit[];
      try {
        part = 'records' in item ? item.records : decodeSlice(stream, item);
      } catch (err) {
        return absolute(err);
      }
      part.forEach((u, i) => {
        if (u.record !== i) throw new Error(`record ${u.record} at ${i} of its slice`);
      });
      output += encodeRecords({ format: 'xml' }, part);
      units.push(...part);
    }
  } catch (err) {
    return absolute(err);
  }
  return { units, output, items };
}
