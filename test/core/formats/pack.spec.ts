import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCsvDecoder,
  createJsonDecoder,
  createNdjsonDecoder,
  createXmlDecoder,
  encodeRecords,
  packRecords,
  packedTransferList,
  unpackRecords,
  type Leaf,
  type LeafKind,
  type RecordDecoder,
  type RecordUnit,
} from '@kamen/core';

/** What another thread receives: a structured clone with the typed arrays moved, as piscina/postMessage do. */
const handOff = <T>(value: T, transfer: ArrayBuffer[]): T => structuredClone(value, { transfer });

function decodeAll(decoder: RecordDecoder, text: string): RecordUnit[] {
  return [...decoder.write(text), ...decoder.end()];
}

const documents: [string, () => RecordDecoder, string][] = [
  ['csv', () => createCsvDecoder(), '\ufeff氏名,電話,備考\r\n山田 太郎,"090-1234-5678","a ""b"", c"\r\n佐藤,,\r\n'],
  [
    'ndjson',
    () => createNdjsonDecoder(),
    '{"氏名":"山田","tel":"090","n":1,"x":{"a":["\\ud83d\\ude00",null]}}\n{"a":""}\n',
  ],
  [
    'json',
    () => createJsonDecoder({ recordChars: 20 }),
    JSON.stringify({ meta: 1, employees: [{ 氏名: '山田' }, { 氏名: '佐藤', tel: ['090', '080'] }] }),
  ],
  [
    'xml',
    () => createXmlDecoder(),
    '<?xml version="1.0"?><r xmlns="urn:x"><e id="1&amp;2"><n>山田 &lt;太郎&gt;</n></e><!-- c --><e><n><![CDATA[佐藤]]></n></e></r>',
  ],
];

describe('packRecords / unpackRecords', () => {
  it.each(documents)(
    '%s: records survive the hand-off unchanged and encode to the same output',
    (_name, make, text) => {
      const decoder = make();
      const units = decodeAll(decoder, text);
      const packed = packRecords(units);
      const back = unpackRecords(handOff(packed, packedTransferList(packed)));
      expect(back).toStrictEqual(units);
      expect(encodeRecords(decoder.spec, back)).toBe(encodeRecords(decoder.spec, units));
      // Moved, not copied: the sender's typed arrays are detached.
      expect(packed.ends.byteLength).toBe(0);
    },
  );

  it('sends each distinct leaf location once per batch', () => {
    const decoder = createCsvDecoder();
    const rows = Array.from({ length: 50 }, (_, i) => `山田${i},090-0000-${String(i).padStart(4, '0')}`);
    const units = decodeAll(decoder, `氏名,電話\r\n${rows.join('\r\n')}\r\n`);
    expect(packRecords(units).locations).toHaveLength(2 * 3); // two columns, (kind, path, field) each
  });

  it('property: any records, any UTF-16 (lone surrogates, NULs, empty strings) round-trip exactly', () => {
    const unit16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const str = fc.array(unit16, { maxLength: 12 }).map((a) => a.join(''));
    const kind = fc.constantFrom<LeafKind>('value', 'key', 'attribute', 'text', 'cdata', 'comment', 'cell');
    const leafArb = fc.record({ value: str, path: str, field: str, kind, quoted: fc.boolean() });
    const unitArb = fc.array(fc.tuple(leafArb, str), { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(str, unitArb), { maxLength: 8 }), fc.boolean(), (raw, csv) => {
        const units: RecordUnit[] = raw.map(([first, pairs], record) => ({
          record: record * 3,
          pieces: [first, ...pairs.map(([, piece]) => piece)],
          leaves: pairs.map(([l]): Leaf => {
            const base = { value: l.value, path: l.path, field: l.field, kind: l.kind, record: record * 3 };
            return csv ? { ...base, quoted: l.quoted } : base;
          }),
        }));
        const packed = packRecords(units);
        expect(unpackRecords(handOff(packed, packedTransferList(packed)))).toStrictEqual(units);
      }),
    );
  });
});
