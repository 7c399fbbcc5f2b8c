import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyStep, applyTransform, loadPolicy, maskText, relate, type FieldType, type Leaf } from '@kamen/core';
import { blank, createMasker, planField } from '../../packages/cli/src/mask/masker.js';
import { planOf } from '../../packages/cli/src/mask/job.js';
import { SUPPORT_SETUP } from './mask-helpers.js';

const COLUMNS: Record<string, readonly string[]> = {
  氏名: ['山田 太郎', '佐藤花子', 'Taro Yamada', ' ', ''],
  フリガナ: ['ヤマダ タロウ', 'サトウ ハナコ', ''],
  '氏名(ローマ字)': ['Hanako Sato', 'TARO YAMADA'],
  メールアドレス: ['taro.yamada@example.com', 'h.sato@example.jp', '\u3000'],
  電話番号: ['090-1234-5678', '03-1234-5678'],
  郵便番号: ['150-0001', '100-0005'],
  住所: ['東京都渋谷区神宮前1-2-3', '大阪府大阪市北区梅田1-1'],
  生年月日: ['1985-04-01', '昭和60年4月1日'],
  個人番号: ['123456789018', ''],
  部署: ['営業部', 'カスタマーサポート部'],
};

/**
 * The record hook as it was before it collected related values only for steps that read them: every typed cell's
 * value by type, and every step handed them (the oracle).
 */
function reference(plan: ReturnType<typeof planOf>, leaves: readonly Leaf[]): string[] {
  const related: Partial<Record<FieldType, string>> = {};
  const plans = leaves.map((l) => planField(plan, {}, l));
  leaves.forEach((l, i) => {
    const p = plans[i];
    if (p?.step !== undefined && p.type !== undefined && !blank(l.value)) relate(related, p.type, l.value);
  });
  return leaves.map((l, i) => {
    const step = plans[i]?.step;
    if (blank(l.value)) return l.value;
    if (step !== undefined) return applyStep(step, l.value, related, step.context.field ?? l.field);
    return maskText(l.value, plan).text;
  });
}

const recordArb = fc.tuple(fc.shuffledSubarray(Object.keys(COLUMNS), { minLength: 1 }), fc.nat(20));
const leavesOf = ([fields, pick]: [string[], number]): Leaf[] =>
  fields.map((field, i) => {
    const values = COLUMNS[field] as readonly string[];
    return { path: field, field, kind: 'cell', record: 1, value: values[(pick + i) % values.length] as string };
  });

describe('createMasker related values (collected only when a step reads them)', () => {
  it.each(['support', 'migration'])(
    'masks every record as the hook that always collected them did (%s policy)',
    (name) => {
      const role = name === 'support' ? 'support' : 'migration';
      const plan = planOf({ ...SUPPORT_SETUP, policy: loadPolicy(name), role });
      const masker = createMasker(plan, {});
      fc.assert(
        fc.property(fc.array(recordArb, { minLength: 1, maxLength: 6 }), (records) => {
          const batch = records.map((r, n) => ({
            record: n + 1,
            pieces: ['', ...r[0].map((_, i) => (i === r[0].length - 1 ? '\n' : ','))],
            leaves: leavesOf(r),
          }));
          const expected = records.map((r) => reference(plan, leavesOf(r)));
          applyTransform(batch, masker.hooks);
          expect(batch.map((u) => u.leaves.map((l) => l.value))).toEqual(expected);
        }),
        { numRuns: 120 },
      );
    },
  );

  it('a surrogate フリガナ still follows the record’s own 氏名 (migration policy)', () => {
    const plan = planOf({ ...SUPPORT_SETUP, policy: loadPolicy('migration'), role: 'migration' });
    const run = (name: string): string => {
      const leaves: Leaf[] = [
        { path: '氏名', field: '氏名', kind: 'cell', record: 1, value: name },
        { path: 'フリガナ', field: 'フリガナ', kind: 'cell', record: 1, value: 'ヤマダ タロウ' },
      ];
      applyTransform([{ record: 1, pieces: ['', ',', '\n'], leaves }], createMasker(plan, {}).hooks);
      return leaves[1]?.value as string;
    };
    expect(run('山田 太郎')).not.toBe(run('佐藤 花子'));
  });
});
