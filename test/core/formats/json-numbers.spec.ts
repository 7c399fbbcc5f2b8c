import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonDecoder, encodeRecords, liftJsonNumbers, lowerJsonNumbers, type RecordUnit } from '@kamen/core';

const decode = (text: string): RecordUnit[] => {
  const d = createJsonDecoder({});
  return [...d.write(text), ...d.end()];
};

describe('kamen mask: JSON numbers as leaves', () => {
  it('lifting and lowering unchanged numbers gives the input back byte for byte', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom(0, 2), (json, indent) => {
        const text = JSON.stringify(JSON.parse(json), null, indent);
        const units = decode(text);
        const lifted = liftJsonNumbers(units);
        lowerJsonNumbers(units, lifted);
        expect(encodeRecords({ format: 'json' }, units)).toBe(text);
      }),
    );
  });

  it('member numbers become value leaves of the member path; masked ones are written as strings or numbers', () => {
    const text = '[{"myNumber": 123456789018, "years":3, "list":[1,2], "fpe":-1.5e3}]';
    const units = decode(text);
    const lifted = liftJsonNumbers(units);
    const leaves = units.flatMap((u) => u.leaves).filter((l) => l.kind === 'value');
    expect(leaves.map((l) => [l.field, l.value])).toEqual([
      ['$[*].myNumber', '123456789018'],
      ['$[*].years', '3'],
      ['$[*].fpe', '-1.5e3'],
    ]);
    leaves[0]!.value = '************';
    leaves[2]!.value = '987654';
    lowerJsonNumbers(units, lifted);
    expect(encodeRecords({ format: 'json' }, units)).toBe(
      '[{"myNumber": "************", "years":3, "list":[1,2], "fpe":987654}]',
    );
  });
});
