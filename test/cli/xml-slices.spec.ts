import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slicesInput } from '../../packages/cli/src/io/slices.js';
import {
  encodeDoc,
  slicedOutcome,
  wholeOutcome,
  xmlDoc,
  type Outcome,
  type SliceSizes,
  type XmlDoc,
} from './xml-slices-helpers.js';

// kamen mask with workers cuts XML into raw slices after record ends (io/xml-slices.ts) and every worker decodes its
// slice alone, resuming inside the root (mask/slice.ts). Whatever the input, that must give exactly the records,
// output bytes and errors (code, line, column, record) of one whole-input decode.

const sizes: fc.Arbitrary<SliceSizes> = fc.record({
  cuts: fc.array(fc.nat(), { maxLength: 5 }),
  sliceBytes: fc.integer({ min: 1, max: 60 }),
  sliceRecords: fc.integer({ min: 1, max: 3 }),
  // Small values make records "too long to slice", so the rest is decoded in the main thread from a cut.
  switchBytes: fc.oneof(fc.constant(1 << 30), fc.integer({ min: 1, max: 300 })),
});

function comparable(o: Outcome): unknown {
  if ('error' in o) return { error: o.error };
  return {
    output: o.output,
    records: o.units.map((u) => ({ pieces: u.pieces, leaves: u.leaves.map((l) => [l.kind, l.path, l.value]) })),
  };
}

async function same(
  doc: XmlDoc,
  size: SliceSizes,
  encoding: 'utf-8' | 'euc-jp',
): Promise<{ whole: Outcome; items: number }> {
  const bytes = encodeDoc(doc, encoding);
  const whole = wholeOutcome(bytes, encoding);
  const sliced = await slicedOutcome(bytes, encoding, size);
  expect(comparable(sliced)).toEqual(comparable(whole));
  if (!('error' in whole)) {
    // Every byte in exactly one slice, in order (or decoded here after the switch).
    const slices = sliced.items.filter((i) => 'bytes' in i);
    let offset = 0;
    for (const s of slices) {
      expect(s.offset).toBe(offset);
      offset += s.bytes.length;
    }
  }
  return { whole, items: sliced.items.length };
}

/** Mutations that make a document malformed somewhere in its middle or end. */
const breakage = fc.constantFrom(
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<open>',
  '</zz>',
  ' a < b ',
  ' ]]> ',
  '&nbsp;',
  '<!-- a -- b -->',
  '<?xml version="1.0"?>',
  '<a b="1" b="2"/>',
  '<![CDATA[ x',
  '<a "',
);

describe('XML slices decoded alone, as in the workers', () => {
  it('give the records, output bytes and record numbers of one whole decode (UTF-8 and EUC-JP)', async () => {
    let sliced = 0;
    await fc.assert(
      fc.asyncProperty(xmlDoc, sizes, fc.constantFrom('utf-8' as const, 'euc-jp' as const), async (doc, size, enc) => {
        const { whole, items } = await same(doc, size, enc);
        if (!('error' in whole) && items > 3) sliced++;
      }),
      { numRuns: 400 },
    );
    expect(sliced).toBeGreaterThan(150); // most documents are well-formed and cut into several slices
  });

  it('malformed anywhere: the same error code, line, column and record as a whole decode', async () => {
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(xmlDoc, sizes, breakage, fc.nat(), fc.boolean(), async (doc, size, bad, at, truncate) => {
        const cut = at % (doc.text.length + 1);
        const text = truncate ? doc.text.slice(0, cut) : doc.text.slice(0, cut) + bad + doc.text.slice(cut);
        const { whole } = await same({ ...doc, text }, size, 'utf-8');
        if ('error' in whole) errors++;
      }),
      { numRuns: 400 },
    );
    expect(errors).toBeGreaterThan(200);
  });

  it('text after the root, a second root, an empty input and a cut right after a record fail as a whole decode', async () => {
    const size: SliceSizes = { cuts: [3, 9], sliceBytes: 1, sliceRecords: 1, switchBytes: 1 << 30 };
    for (const text of ['<r><a/><b/></r>x', '<r><a/></r><r2/>', '', '  ', '<r><a/><b/>', '<r><a/>\n<b></b', '<r/>']) {
      await same({ text, bom: false }, size, 'utf-8');
    }
    const truncated = wholeOutcome(encodeDoc({ text: '<r>\n<a/>\n<b/>', bom: false }, 'utf-8'), 'utf-8');
    expect(truncated).toMatchObject({ error: { code: 'KAMEN_ERR_INPUT_XML', line: 3, column: 5 } });
  });

  it('slices XML only in UTF-8 and EUC-JP, where no multibyte character holds an ASCII byte', () => {
    const head = new Uint8Array(Buffer.from('<r/>'));
    expect(slicesInput('xml', 'utf-8', head)).toBe(true);
    expect(slicesInput('xml', 'euc-jp', head)).toBe(true);
    expect(slicesInput('xml', 'shift_jis', head)).toBe(false);
    expect(slicesInput('xml', 'cp932', head)).toBe(false);
    expect(slicesInput('json', 'utf-8', head)).toBe(false);
    expect(slicesInput('ndjson', 'utf-8', head)).toBe(true);
  });
});
