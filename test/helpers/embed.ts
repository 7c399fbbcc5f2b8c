/**
 * Embeds a generated value in random Japanese/English filler, after one of its context words, and remembers the
 * value's exact span in the ORIGINAL text. Filler contains no digits, no Latin letters next to the value and no
 * veto words, so the only thing a test learns is whether the rule finds the value.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { detect, type EntityType, type Finding } from '@kamen/core';

export const FILLER_WORDS = [
  '山田太郎',
  'さんの',
  '備考',
  'です。',
  '提出済み',
  '人事部より',
  'お願いします',
  'Employee',
  'record updated',
  '書類',
  '　',
  '\n',
  'について',
  '髙橋花子',
] as const;

const fillerArb = fc.array(fc.constantFrom(...FILLER_WORDS), { maxLength: 6 }).map((w) => w.join(''));
const beforeSepArb = fc.constantFrom(' ', ':', '：', '　', ': ', '：　');
const afterSepArb = fc.constantFrom(' ', '。', '、', '\n', '）', ' です');

export interface Embedded {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** `filler context sep value sep filler`, with the value's span. */
export function embeddedArb(value: fc.Arbitrary<string>, contextWords: readonly string[]): fc.Arbitrary<Embedded> {
  return fc
    .tuple(fillerArb, fc.constantFrom(...contextWords), beforeSepArb, value, afterSepArb, fillerArb)
    .map(([f1, ctx, s1, v, s2, f2]) => {
      const head = `${f1}${f1 === '' ? '' : ' '}${ctx}${s1}`;
      return { text: `${head}${v}${s2}${f2}`, start: head.length, end: head.length + v.length };
    });
}

/** Findings of one rule, every overlap kept. */
export function findingsOf(text: string, ruleId: string): Finding[] {
  return detect(text, { conflicts: 'none' }).filter((f) => f.ruleId === ruleId);
}

/** The rule reports exactly the embedded span, and so does detect() limited to the entity with default conflicts. */
export function expectFoundExactly(e: Embedded, ruleId: string, entity: EntityType): void {
  const spans = findingsOf(e.text, ruleId).map((f) => [f.start, f.end]);
  expect(spans, JSON.stringify(e.text)).toContainEqual([e.start, e.end]);
  const resolved = detect(e.text, { entities: [entity] }).map((f) => [f.start, f.end, f.type]);
  expect(resolved, JSON.stringify(e.text)).toContainEqual([e.start, e.end, entity]);
}

/** The rule reports nothing in the text. */
export function expectNotFound(text: string, ruleId: string): void {
  expect(
    findingsOf(text, ruleId).map((f) => text.slice(f.start, f.end)),
    JSON.stringify(text),
  ).toEqual([]);
}
