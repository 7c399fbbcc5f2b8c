import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTransform, type Leaf, type RecordUnit } from '@kamen/core';
import { encodeText } from '../../packages/cli/src/io/index.js';
import { planOf } from '../../packages/cli/src/mask/job.js';
import { blank, createMasker } from '../../packages/cli/src/mask/masker.js';
import { emptyStats, mergeStats } from '../../packages/cli/src/mask/stats.js';
import { SUPPORT_SETUP } from './mask-helpers.js';

// Every character String.prototype.trim removes, and some it keeps, so generated strings hit both sides.
const SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const OTHERS = 'a,"0~\u007f\u0085\u180e\u200b\u3001あ山\ufefe\uff01\ud800\udc00';

describe('blank (the masker skips values that trim to nothing)', () => {
  it('agrees with trim() === "" for any string', () => {
    const ch = fc.constantFrom(...SPACES, ...OTHERS);
    const strings = fc.oneof(fc.string({ unit: ch, maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }));
    fc.assert(
      fc.property(strings, (s) => blank(s) === (s.trim() === '')),
      { numRuns: 5000 },
    );
  });
});

describe('encodeText to UTF-8 (bytes first, the text scanned only when they hold U+FFFD)', () => {
  it('gives Buffer.from bytes for well-formed text and fails on any lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), (s, withFffd) => {
        const text = withFffd ? `${s}\ufffd` : s;
        const ok = (text as unknown as { isWellFormed(): boolean }).isWellFormed();
        if (ok) expect(Buffer.from(encodeText(text, 'utf-8'))).toEqual(Buffer.from(text, 'utf8'));
        else expect(() => encodeText(text, 'utf-8')).toThrow(/cannot be written in utf-8/u);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes a real U+FFFD, and names a lone surrogate and its record even next to one', () => {
    expect([...encodeText('a\ufffdb', 'utf-8')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect(() => encodeText('\ufffd x \udc01', 'utf-8', 4)).toThrow(/U\+DC01 cannot be written in utf-8 \(record 4\)/u);
  });
});

const COLUMNS: Record<string, readonly string[]> = {
  氏名: ['山田太郎', '佐藤花子', ' ', ''],
  電話番号: ['090-1234-5678', '03-1234-5678', '\u3000'],
  メールアドレス: ['taro.yamada@example.com', 'hanako@example.jp'],
  備考: ['連絡先 090-8765-4321 まで', 'なし'],
};

/** A record of the given fields (any order, any subset): the masker's positional plan cache must not care. */
const recordOf = (n: number, fields: readonly string[], pick: number): RecordUnit => ({
  record: n,
  pieces: ['', ...fields.map((_, i) => (i === fields.length - 1 ? '\n' : ','))],
  leaves: fields.map((field, i): Leaf => {
    const values = COLUMNS[field] as readonly string[];
    return { path: field, field, kind: 'cell', record: n, value: values[(pick + i) % values.length] as string };
  }),
});

const batchArb = fc.array(fc.tuple(fc.shuffledSubarray(Object.keys(COLUMNS), { minLength: 1 }), fc.nat(10)), {
  minLength: 1,
  maxLength: 12,
});

describe('createMasker per-cell state (plans by position, counts added up until take())', () => {
  it('masks and counts a batch as one masker per record would, whatever the fields and their order', () => {
    const plan = planOf(SUPPORT_SETUP);
    fc.assert(
      fc.property(batchArb, fc.nat(11), (spec, cut) => {
        const records = spec.map(([fields, pick], n) => recordOf(n + 1, fields, pick));
        // One masker for the whole batch, taken once in the middle and once at the end.
        const whole = createMasker(plan, {});
        const at = Math.min(cut, records.length);
        applyTransform(records.slice(0, at), whole.hooks);
        const total = whole.take();
        applyTransform(records.slice(at), whole.hooks);
        mergeStats(total, whole.take());
        expect(whole.take()).toEqual(emptyStats());

        // The reference: a fresh masker per record, its counts merged in order.
        const expected = emptyStats();
        const fresh = spec.map(([fields, pick], n) => recordOf(n + 1, fields, pick));
        for (const r of fresh) {
          const m = createMasker(plan, {});
          applyTransform([r], m.hooks);
          mergeStats(expected, m.take());
        }
        expect(records.map((r) => r.leaves.map((l) => l.value))).toEqual(
          fresh.map((r) => r.leaves.map((l) => l.value)),
        );
        expect(total).toEqual(expected);
        expect(Object.keys(total.byType)).toEqual(Object.keys(expected.byType));
        expect(Object.keys(total.byField)).toEqual(Object.keys(expected.byField));
      }),
      { numRuns: 150 },
    );
  });
});
