// Independent recall check: faker's person names (fakerJA, fakerEN) are NOT a detector source, so finding them
// measures how the dictionaries and rules generalise. Seeded, so the numbers are reproducible.
import { describe, expect, it } from 'vitest';
import { fakerEN, fakerJA } from '@faker-js/faker';
import { findings } from './helpers.js';
import { EN_HR_SENTENCES, JA_HR_SENTENCES } from './hr-sentences.js';

const JA_FRAMES = [
  '{n}さんの入社手続きを進めてください。',
  '担当：{n}',
  '{n}の給与明細を送付しました。',
  '申請者 {n}（営業部）',
  '本日、{n}様より問い合わせがありました。',
];
const EN_FRAMES = [
  'Please send the contract to {n} by Friday.',
  'Employee: {n}',
  'Meeting notes prepared by {n}.',
  'We welcomed {n} to the finance team.',
  'Dear {n}, your leave request was approved.',
];

function recall(names: readonly string[], frames: readonly string[]): { exact: number; overlap: number } {
  let exact = 0;
  let overlap = 0;
  names.forEach((n, i) => {
    const text = (frames[i % frames.length] as string).replace('{n}', n);
    const s = text.indexOf(n);
    const e = s + n.length;
    const hits = findings(text).filter((f) => f.type === 'PERSON_NAME');
    if (hits.some((f) => f.start === s && f.end === e)) exact++;
    if (hits.some((f) => f.start < e && f.end > s)) overlap++;
  });
  return { exact: exact / names.length, overlap: overlap / names.length };
}

describe('recall on faker names and false positives on HR text', () => {
  it('finds ≥ 95% of 1,000 fakerJA names (no space, half- and full-width space)', () => {
    fakerJA.seed(20260101);
    const seps = ['', ' ', '　'];
    const names = Array.from(
      { length: 1000 },
      (_, i) => `${fakerJA.person.lastName()}${seps[i % 3]}${fakerJA.person.firstName()}`,
    );
    const r = recall(names, JA_FRAMES);
    console.info(`fakerJA recall: exact ${r.exact.toFixed(3)}, overlap ${r.overlap.toFixed(3)}`);
    expect(r.exact).toBeGreaterThanOrEqual(0.95);
  });

  it('finds ≥ 95% of 1,000 fakerEN names', () => {
    fakerEN.seed(20260101);
    const names = Array.from({ length: 1000 }, () => `${fakerEN.person.firstName()} ${fakerEN.person.lastName()}`);
    const r = recall(names, EN_FRAMES);
    console.info(`fakerEN recall: exact ${r.exact.toFixed(3)}, overlap ${r.overlap.toFixed(3)}`);
    expect(r.exact).toBeGreaterThanOrEqual(0.95);
  });

  it('finds no name in ≥ 95% of 200 name-free HR sentences', () => {
    const all = [...JA_HR_SENTENCES, ...EN_HR_SENTENCES];
    const flagged = all.filter((s) => findings(s).length > 0);
    console.info(`false positives: ${flagged.length}/${all.length}`);
    expect(flagged.length / all.length).toBeLessThanOrEqual(0.05);
  });
});
