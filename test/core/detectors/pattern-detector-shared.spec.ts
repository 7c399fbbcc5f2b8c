import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDefaultRegistry } from '@kamen/core';
import { createPatternDetector } from '../../../packages/core/src/detectors/pattern-detector.js';
import type { RuleDefinition } from '../../../packages/core/src/rules/rule.js';
import type { Candidate } from '../../../packages/core/src/detectors/detector.js';
import { normalizeText } from '../../../packages/core/src/text/normalize.js';

/** The rule's candidates from one detector per pattern (nothing shared), best per span as scan() keeps them. */
function apart(rule: RuleDefinition, text: string): string[] {
  const best = new Map<string, Candidate>();
  for (const p of rule.patterns ?? [])
    for (const c of createPatternDetector({ ...rule, patterns: [p] }).scan(normalizeText(text))) {
      const prev = best.get(`${c.start}-${c.end}`);
      if (prev === undefined || prev.score < c.score) best.set(`${c.start}-${c.end}`, c);
    }
  return [...best.values()].map(key).sort();
}

const key = (c: Candidate): string => `${c.start}-${c.end}:${c.score}:${c.pattern}:${(c.validators ?? []).join(',')}`;
const scan = (rule: RuleDefinition, text: string): string[] =>
  [...createPatternDetector(rule).scan(normalizeText(text))].map(key).sort();

const licence = getDefaultRegistry().rules.find((r) => r.id === 'jp.drivers_license');
const grouped: RuleDefinition = {
  id: 'test.grouped',
  entity: 'BANK_ACCOUNT',
  languages: ['ja'],
  description: 'two groups of one regex, another regex between',
  file: 'inline',
  patterns: [
    { name: 'first', regex: '(\\d{3})-(\\d{4})', group: 1, score: 0.6 },
    { name: 'other', regex: '\\d{4}', score: 0.4 },
    { name: 'second', regex: '(\\d{3})-(\\d{4})', group: 2, score: 0.7 },
    { name: 'whole', regex: '(\\d{3})-(\\d{4})', score: 0.5, validators: ['luhn'] },
  ],
  examples: { match: [], noMatch: [] },
} as unknown as RuleDefinition;

const textArb = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^\d{1,14}$/),
      fc.constantFrom('-', ' ', 'a', 'Z', '免許', '\n', '123-4567', '301234567890', '973456789012'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('pattern detector, patterns sharing a regex', () => {
  it('finds the same candidates as one detector per pattern (the driving licence, groups of one regex)', () => {
    if (licence === undefined) throw new Error('no licence rule');
    expect(new Set(licence.patterns?.map((p) => p.regex)).size).toBe(1);
    fc.assert(
      fc.property(textArb, (text) => {
        for (const rule of [licence, grouped]) expect(scan(rule, text)).toEqual(apart(rule, text));
      }),
      { numRuns: 300 },
    );
  });
});
