import { describe, expect, it } from 'vitest';
import { KamenError, createXmlDecoder, encodeRecords, type RecordUnit } from '@kamen/core';

// An XML decoder that starts mid-document (resume) and one that stops before the document ends (continues): kamen
// mask's workers decode slices of a file cut after record ends. Together they must give the whole decode's records.

const doc =
  '<?xml version="1.0"?>\n<h:root xmlns:h="urn:h">\n  <r a="1>2">山田</r>\n  <r><t>x</t></r><r/>\n</h:root>\n';

function decode(text: string, options: Parameters<typeof createXmlDecoder>[0] = {}): RecordUnit[] {
  const d = createXmlDecoder(options);
  return [...d.write(text), ...d.end()];
}

function failure(step: () => unknown): KamenError {
  try {
    step();
  } catch (err) {
    if (err instanceof KamenError) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('XML decoding resumed after a record end', () => {
  it('two parts cut after a record give the records, paths and output of one whole decode', () => {
    const cut = doc.indexOf('</r>') + 4; // after the first record, line 3, column 23
    const whole = decode(doc);
    const first = decode(doc.slice(0, cut), { continues: ['h:root'] });
    const second = decode(doc.slice(cut), { resume: { open: ['h:root'], line: 3, column: 23 } });
    const parts = [...first, ...second];
    expect(parts.map((u) => u.leaves.map((l) => [l.path, l.value]))).toEqual(
      whole.map((u) => u.leaves.map((l) => [l.path, l.value])),
    );
    expect(encodeRecords({ format: 'xml' }, first) + encodeRecords({ format: 'xml' }, second)).toBe(doc);
    expect(second[0]?.leaves[0]?.path).toBe('/h:root/r/t');
  });

  it("errors in a resumed part name the whole input's line and column; its end runs the document checks", () => {
    const text = doc.replace('<t>x</t>', '<t>x</u>');
    const cut = text.indexOf('</r>') + 4;
    const whole = failure(() => decode(text));
    const part = failure(() => decode(text.slice(cut), { resume: { open: ['h:root'], line: 3, column: 23 } }));
    expect([part.code, part.context.line, part.context.column]).toEqual([
      whole.code,
      whole.context.line,
      whole.context.column,
    ]);
    const unclosed = failure(() => decode('\n  <r/>', { resume: { open: ['root'], line: 2, column: 5 } }));
    expect(unclosed.message).toContain('unclosed element at line 3, column 7');
  });

  it('a part that does not end right after a record with the expected elements open fails closed', () => {
    expect(failure(() => decode('<root><r>', { continues: ['root'] })).code).toBe('KAMEN_ERR_INPUT_XML');
    expect(failure(() => decode('<root><r/><!-- x', { continues: ['root'] })).code).toBe('KAMEN_ERR_INPUT_XML');
    expect(failure(() => decode('<root><r/>', { continues: ['other'] })).code).toBe('KAMEN_ERR_INPUT_XML');
    expect(decode('<root><r/>', { continues: ['root'] })).toHaveLength(1);
    expect(() => decode('<r/>', { resume: { open: [], line: 1, column: 2 } })).toThrow(/resumes/u);
  });
});
