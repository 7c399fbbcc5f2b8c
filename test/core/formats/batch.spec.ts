import { describe, expect, it } from 'vitest';
import {
  applyTransform,
  createCsvCodec,
  createCsvDecoder,
  createJsonCodec,
  createJsonDecoder,
  createNdjsonCodec,
  createNdjsonDecoder,
  createTextCodec,
  createTextDecoder,
  createXmlCodec,
  createXmlDecoder,
  encodeRecords,
  type RecordBatch,
  type RecordDecoder,
  type TextCodec,
  type FormatTransform,
} from '@kamen/core';

const mask: FormatTransform = (value, loc) => (loc.kind === 'key' ? value : `<${value.length}>`);

const cases: [string, () => RecordDecoder, (t: FormatTransform) => TextCodec, string][] = [
  [
    'json',
    () => createJsonDecoder({ recordChars: 40 }),
    (t) => createJsonCodec({ recordChars: 40 }, t),
    JSON.stringify({
      meta: { n: 3 },
      employees: [1, 2, 3].map((i) => ({ 氏名: `山田${i}`, tel: `090-0000-000${i}` })),
    }),
  ],
  ['ndjson', () => createNdjsonDecoder(), (t) => createNdjsonCodec({}, t), '{"a":"x"}\n\n["y",1]\r\n'],
  ['csv', () => createCsvDecoder(), (t) => createCsvCodec({}, t), '\ufeff氏名,電話\r\n山田,"090"\r\n佐藤,080\r\n'],
  [
    'xml',
    () => createXmlDecoder(),
    (t) => createXmlCodec({}, t),
    '<?xml version="1.0"?><r><e id="1"><n>山田</n></e><e id="2"><!-- c --><n><![CDATA[佐藤]]></n></e></r>',
  ],
  ['text', () => createTextDecoder(), (t) => createTextCodec({}, t), '山田 090\r\n佐藤\n'],
];

describe('record batches (worker hand-off)', () => {
  it.each(cases)(
    '%s: decode → structured clone → transform → encode equals the streaming codec',
    (_, decoder, codec, input) => {
      const d = decoder();
      const records = [...d.write(input.slice(0, 7)), ...d.write(input.slice(7)), ...d.end()];
      // What a worker receives and returns: plain data, no functions or class instances.
      const batch: RecordBatch = structuredClone({ spec: d.spec, records });
      applyTransform(batch.records, mask);
      const back = structuredClone(batch);
      const c = codec(mask);
      expect(encodeRecords(back.spec, back.records)).toBe(c.write(input) + c.end());
    },
  );

  it('numbers records in order and stamps every leaf with its record', () => {
    const d = createCsvDecoder();
    const records = [...d.write('a,b\n1,2\n3,4\n'), ...d.end()];
    expect(records.map((r) => r.record)).toEqual([0, 1, 2]);
    for (const r of records) {
      expect(r.pieces).toHaveLength(r.leaves.length + 1);
      for (const l of r.leaves) expect(l.record).toBe(r.record);
    }
  });
});
