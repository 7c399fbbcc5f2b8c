import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy, maskText, type FieldType, type Plan } from '@kamen/core';
import { createBodyCodec } from '../../packages/proxy/src/mask/body-codec.js';
import { createFieldDecider } from '../../packages/proxy/src/mask/field-decider.js';
import { createLeafMasker } from '../../packages/proxy/src/mask/leaf-masker.js';
import type { BodyFormat } from '../../packages/proxy/src/mask/content-type.js';
import { hrTable, leaked, toCsv, HR_HEADER } from '../helpers/hr-dataset.js';
import { testKeyRing } from '../helpers/test-keyring.js';

const plan = compilePolicy(loadPolicy('support'), 'support', { keys: testKeyRing() });

function mask(
  format: BodyFormat,
  body: string,
  options: { plan?: Plan; fields?: Record<string, FieldType>; counts?: Map<string, number> } = {},
): string {
  const transform = createLeafMasker(options.plan ?? plan, {
    ...(options.fields !== undefined ? { fields: options.fields } : {}),
    ...(options.counts !== undefined ? { counts: options.counts } : {}),
  });
  const codec = createBodyCodec(format, { maxStringLength: 1 << 20 }, transform);
  return codec.write(body) + codec.end();
}

const table = hrTable(15, 3);
const records = table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i]])));

describe('createLeafMasker', () => {
  it('property: object keys are masked as free text in every record, repeated, moved or changed (keys kept per position)', () => {
    const keyArb = fc.constantFrom(
      'name',
      'taro@example.com',
      '090-1234-5678',
      '山田太郎',
      'note',
      'hanako@example.jp',
    );
    const recordArb = fc.array(fc.tuple(keyArb, fc.constantFrom('x', '1')), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 6 }), (recs) => {
        const body = recs.map((r) => Object.fromEntries(r));
        const counts = new Map<string, number>();
        const out = JSON.parse(mask('json', JSON.stringify(body), { counts })) as Record<string, string>[];
        let found = 0;
        body.forEach((r, i) => {
          const keys = Object.keys(r).map((k) => maskText(k, plan));
          found += keys.reduce((n, k) => n + k.findings.length, 0);
          expect(Object.keys(out[i] as object)).toEqual(keys.map((k) => k.text));
        });
        const counted = [...counts.values()].reduce((a, b) => a + b, 0);
        expect(counted).toBeGreaterThanOrEqual(found);
      }),
      { numRuns: 200 },
    );
  });

  it('masks every generated personal value of an HR page, as JSON and as CSV', () => {
    const counts = new Map<string, number>();
    const json = mask('json', JSON.stringify({ employees: records }), { counts });
    expect(leaked(json, table.pii)).toEqual([]);
    expect(counts.get('PERSON_NAME')).toBe(records.length);
    expect(leaked(mask('csv', toCsv(table)), table.pii)).toEqual([]);
  });

  it('gives the same output for a body whatever was masked before it (decisions per body, not per process)', () => {
    const phones = records.map((r) => ({ code: r['電話番号'], value: r['メール'] }));
    const emailsFirst = records.map((r) => ({ code: r['メール'], value: r['電話番号'] }));
    const a = JSON.stringify({ items: phones });
    const b = JSON.stringify({ items: emailsFirst });
    const alone = mask('json', b);
    mask('json', a);
    expect(mask('json', b)).toBe(alone);
    expect(leaked(alone, table.pii)).toEqual([]);
  });

  it('applies a route type named for one concrete path to that leaf only', () => {
    const body = JSON.stringify({ rows: [{ memo: '営業部' }, { memo: '営業部' }] });
    const out = JSON.parse(mask('json', body, { fields: { '$.rows[1].memo': 'PERSON_NAME' } })) as {
      rows: { memo: string }[];
    };
    expect(out.rows[0]?.memo).toBe('営業部');
    expect(out.rows[1]?.memo).not.toBe('営業部');
  });

  it('lets a route type by field override what classification would decide', () => {
    const body = JSON.stringify({ rows: [{ dept: '営業部' }, { dept: '総務部' }] });
    const out = mask('json', body, { fields: { '$.rows[*].dept': 'SENSITIVE' } });
    expect(out).not.toContain('営業部');
    expect(out).not.toContain('総務部');
  });

  it('scans fields decided as no type as free text', () => {
    const phone = table.pii.find((v) => /^0\d/.test(v)) as string;
    const body = JSON.stringify({ rows: [{ 部署: '営業部' }, { 部署: `連絡先 ${phone}` }] });
    const out = mask('json', body);
    expect(out).toContain('営業部');
    expect(out).not.toContain(phone);
  });

  it('scans a value its field operator left unchanged as free text (a phone in a column decided as kana)', () => {
    const phone = table.pii.find((v) => /^0\d{9,10}$/.test(v.replace(/-/g, ''))) as string;
    const body = JSON.stringify({ rows: [{ memo: 'ｶﾜﾑﾗ ﾓｱ' }, { memo: phone }] });
    expect(mask('json', body)).not.toContain(phone);
  });

  it('fails the body on an operator error, naming the field and never the value', () => {
    const broken = compilePolicy(loadPolicy('support'), 'support', { keys: testKeyRing() });
    const step = broken.forType('PERSON_NAME');
    (step as { operator: unknown }).operator = {
      ...step.operator,
      apply: () => {
        throw new Error('boom');
      },
    };
    const name = records[0]?.['氏名'] as string;
    let error: unknown;
    try {
      mask('json', JSON.stringify({ employees: records }), { plan: broken });
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('KAMEN_ERR_MASK_FAILED');
    expect(String((error as Error).message)).toContain('on PERSON_NAME (field $.employees[*]["氏名"])');
    expect(String((error as Error).message)).not.toContain(name);
  });

  it('masks a body seeded with the main thread decisions exactly like the main thread (property)', () => {
    const values = fc.constantFrom(...table.pii, '営業部', '特になし', '2024-04-01', ' ', '');
    fc.assert(
      fc.property(fc.array(fc.record({ code: values, memo: values }), { minLength: 1, maxLength: 12 }), (rows) => {
        const body = JSON.stringify({ rows });
        const main = createFieldDecider(plan);
        const whole = (() => {
          const codec = createBodyCodec(
            'json',
            { maxStringLength: 1 << 20 },
            createLeafMasker(plan, { decider: main }),
          );
          return codec.write(body) + codec.end();
        })();
        const seeded = createFieldDecider(plan, undefined, main.decisions());
        const codec = createBodyCodec(
          'json',
          { maxStringLength: 1 << 20 },
          createLeafMasker(plan, { decider: seeded }),
        );
        expect(codec.write(body) + codec.end()).toBe(whole);
      }),
      { numRuns: 60 },
    );
  });
});
