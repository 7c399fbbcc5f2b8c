import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createKeyRing,
  fpeOperator,
  surrogateOperator,
  generalizeOperator,
  hashOperator,
  keepOperator,
  maskOperator,
  pseudonymOperator,
  redactOperator,
  type Operator,
  type OperatorContext,
} from '@kamen/core';
import type { FieldType } from '../../../packages/core/src/types.js';

const keys = createKeyRing([{ id: 'k', key: new Uint8Array(32).fill(9) }], 'k');

const CASES: readonly [Operator, readonly FieldType[]][] = [
  [keepOperator as Operator, ['GENDER', 'EMAIL']],
  [redactOperator as Operator, ['EMAIL', 'MY_NUMBER']],
  [maskOperator as Operator, ['PHONE', 'EMAIL', 'PERSON_NAME', 'NAME_KANA', 'MY_NUMBER']],
  [hashOperator as Operator, ['EMPLOYEE_ID', 'EMAIL']],
  [pseudonymOperator as Operator, ['PERSON_NAME', 'ADDRESS']],
  [generalizeOperator as Operator, ['ADDRESS', 'DATE_OF_BIRTH', 'SALARY', 'POSTAL_CODE']],
];

const value = fc.string({
  unit: fc.constantFrom(...'山田太郎 0123456789-@.東京都千代田区丸の内1-2-3abc円,'.split('')),
  maxLength: 24,
});

/** The operator's output, or the error code it stopped with. */
function outcome(op: Operator, v: string, entity: FieldType, ctx: OperatorContext): string {
  try {
    return op.apply(v, op.validate({}, entity), ctx);
  } catch (err) {
    return `error ${(err as { code?: string }).code}`;
  }
}

describe('contextFree operators', () => {
  it('are exactly the built-ins that give the same output whatever field and related values the context carries', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES),
        fc.nat(),
        value,
        fc.string({ maxLength: 8 }),
        fc.record({ PERSON_NAME: value, ADDRESS: value }, { requiredKeys: [] }),
        ([op, entities], pick, v, field, related) => {
          expect(op.contextFree).toBe(true);
          const entity = entities[pick % entities.length] as FieldType;
          const bare: OperatorContext = { entity, keys };
          expect(outcome(op, v, entity, { entity, field, keys, related })).toBe(outcome(op, v, entity, bare));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves out the operators that read the field (fpe tweaks by it) or the record (surrogate follows 氏名)', () => {
    expect(fpeOperator.contextFree).toBeUndefined();
    expect(surrogateOperator.contextFree).toBeUndefined();
  });
});
