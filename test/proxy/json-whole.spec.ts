import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy, maskJsonWhole, type FieldType, type FormatTransformHooks } from '@kamen/core';
import { createBodyCodec } from '../../packages/proxy/src/mask/body-codec.js';
import { generateEmployees } from '../../packages/proxy/src/demo/employees.js';
import { createLeafMasker } from '../../packages/proxy/src/mask/leaf-masker.js';
import { testKeyRing } from '../helpers/test-keyring.js';

const plan = compilePolicy(loadPolicy('support'), 'support', { keys: testKeyRing() });
const employees = generateEmployees(120).map((e) => e.record);
const limits = { maxStringLength: 1 << 20 };

type Masked = { output: string; counts: Map<string, number> } | { error: string };

/** The proxy's masker over one body, by the JSON codec (the path before) or maskJsonWhole (codec if not taken). */
function run(text: string, whole: boolean, fields?: Record<string, FieldType>): Masked {
  const counts = new Map<string, number>();
  const transform = createLeafMasker(plan, { counts, ...(fields !== undefined ? { fields } : {}) });
  try {
    const fast = whole ? maskJsonWhole(text, limits, transform as FormatTransformHooks) : undefined;
    if (fast !== undefined) return { output: fast, counts };
    const codec = createBodyCodec('json', limits, transform);
    return { output: codec.write(text) + codec.end(), counts };
  } catch (err) {
    return { error: String((err as { code?: string }).code) };
  }
}

describe('maskJsonWhole under the proxy’s leaf masker', () => {
  it('property: HR pages (synthetic PII, any slice, layout and extra members) mask to the same bytes and counts', () => {
    fc.assert(
      fc.property(
        fc.nat(110),
        fc.integer({ min: 0, max: 12 }),
        fc.nat(2),
        fc.constantFrom(undefined, { '$.employees[*].備考': 'PHONE' as FieldType }),
        fc.array(fc.constantFrom('山田 太郎', 'taro@example.co.jp', 42, null, ['090-1234-5678']), { maxLength: 3 }),
        (from, count, style, fields, extra) => {
          const page = employees.slice(from, from + count).map((e, i) => (i % 3 === 1 ? { ...e, extra } : e));
          const doc = { total: page.length, employees: page, meta: { owner: '佐藤 花子', ids: [123456789012] } };
          const text = style === 0 ? JSON.stringify(doc) : JSON.stringify(doc, null, style === 1 ? 2 : '\t');
          expect(run(text, true, fields)).toEqual(run(text, false, fields));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a malformed or truncated body fails with the codec’s error, and counts nothing', () => {
    const text = JSON.stringify({ employees: employees.slice(0, 3) });
    for (const broken of [text.slice(0, 200), text.replace('"氏名":', '"氏名"'), `${text}]`]) {
      const got = run(broken, true);
      expect(got).toEqual({ error: 'KAMEN_ERR_INPUT_JSON' });
      expect(got).toEqual(run(broken, false));
    }
  });
});
