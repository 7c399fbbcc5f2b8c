import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VALIDATORS, type Validator } from '../../../packages/core/src/validators/registry.js';
import { VALIDATORS as BEFORE } from './oracle/registry.js';

// Digit groups (one digit repeated too), separators, letters and full-width digits (no \d, so not digits).
const pieceArb = fc.oneof(
  fc.stringMatching(/^\d{1,8}$/),
  fc.constantFrom('0000', '1111', '7', '-', ' ', '.', ':', '/', 'T', 'ab', '１２', '٣', ''),
);

describe('validator table against its previous version (test/core/validators/oracle)', () => {
  it('answers every candidate as before', () => {
    const names = Object.keys(BEFORE);
    expect(Object.keys(VALIDATORS)).toEqual(names);
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        for (const name of names) expect((VALIDATORS[name] as Validator)(s), name).toBe((BEFORE[name] as Validator)(s));
      }),
      { numRuns: 300 },
    );
  });
});
