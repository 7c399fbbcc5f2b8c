import { KamenError, coreError } from '../errors.js';
import type { FieldType } from '../types.js';
import type { PlanStep } from './compile.js';

/**
 * Runs one step; fails closed. Any error (a bug, a bad value, a missing key) becomes KAMEN_ERR_MASK_FAILED for
 * the whole call, so a caller can never receive the value unmasked. The message names the type and field,
 * never the value.
 */
export function applyStep(
  step: PlanStep,
  value: string,
  related?: Readonly<Partial<Record<FieldType, string>>>,
  field?: string,
): string {
  try {
    const c = step.context;
    // One fixed shape, not a spread (megamorphic over the contexts of different fields: a measurable cost per value).
    // An operator that reads neither the field nor the record's other values gets the step's context as it is.
    const ctx =
      (related === undefined && field === undefined) || step.operator.contextFree === true
        ? c
        : { entity: c.entity, field: field ?? c.field, tenant: c.tenant, keys: c.keys, related };
    const out = step.operator.apply(value, step.params, ctx);
    if (typeof out !== 'string') throw new TypeError('operator returned a non-string');
    return out;
  } catch (cause) {
    const where = field !== undefined ? { field } : {};
    const detail = `${step.operator.name} on ${step.context.entity}${cause instanceof KamenError ? ` (${cause.code})` : ''}`;
    throw coreError('KAMEN_ERR_MASK_FAILED', detail, where, cause);
  }
}

const KANJI = /[\u3400-\u9fff]/u;

/**
 * Records `value` as the record's context for `type` (what applyStep's `related` carries: フリガナ and email follow
 * the record's own name). The first value of a type wins, except that with several name columns (氏名,
 * 氏名(ローマ字)) the kanji one is the person's identity and replaces a non-kanji one.
 */
export function relate(related: Partial<Record<FieldType, string>>, type: FieldType, value: string): void {
  const known = related[type];
  if (known === undefined || (type === 'PERSON_NAME' && KANJI.test(value) && !KANJI.test(known))) related[type] = value;
}
