import { myNumberCheckDigit } from '@kamen/core';
import { describe, expect, it } from 'vitest';
import { maskFile, tmp } from './mask-helpers.js';

// Issue 4: a My Number written as a JSON number inside an array was never lifted into a leaf, so never masked.
const myNumbers = ['31415926535', '27182818284', '16180339887'].map((b) => `${b}${myNumberCheckDigit(b)}`);
const doc = {
  company: 'Example KK',
  employees: myNumbers.map((n, i) => ({
    name: `社員${i}`,
    個人番号: [Number(n)],
    ids: [[Number(n)]],
    codes: [[i, 7]],
  })),
  counts: [1, 2, 3],
  // Each element of a record array is a record of its own, with no key to name it: `resume` does.
  allIds: myNumbers.map(Number),
};

describe('kamen mask: numbers inside JSON arrays (issue 4)', () => {
  for (const workers of ['0', '2']) {
    it(`masks valid My Numbers sent as numbers in arrays, keeps other numbers (workers ${workers})`, async () => {
      const input = JSON.stringify(doc, null, 2);
      const res = await maskFile(tmp(), 'numbers.json', input, ['--workers', workers]);
      expect(res.code, res.stderr).toBe(0);
      const out = res.out!.toString('utf8');
      for (const n of myNumbers) expect(out).not.toContain(n);
      const masked = JSON.parse(out) as typeof doc;
      expect(masked.counts).toEqual([1, 2, 3]);
      expect(masked.allIds).toHaveLength(myNumbers.length);
      expect(masked.company).toBe(doc.company);
      for (const [i, e] of masked.employees.entries()) {
        expect(e.個人番号).toHaveLength(1);
        expect(e.個人番号[0]).not.toBe(doc.employees[i]!.個人番号[0]);
        expect(e.ids[0]).toHaveLength(1);
        expect(e.ids[0]![0]).not.toBe(doc.employees[i]!.ids[0]![0]);
        expect(e.codes).toEqual([[i, 7]]);
      }
    });
  }
});
