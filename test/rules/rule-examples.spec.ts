// Every example in every built-in rule file runs as a test: the rule files cannot drift from what they claim.
import { describe, expect, it } from 'vitest';
import { detect, getDefaultRegistry, type RuleExample } from '@kamen/core';

const registry = getDefaultRegistry();
const textOf = (e: RuleExample): string => (typeof e === 'string' ? e : e.text);

describe.each(registry.rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  const findingsOf = (text: string) =>
    detect(text, { registry, conflicts: 'none' }).filter((f) => f.ruleId === rule.id);

  it.each(rule.examples.match.map((e) => [textOf(e), e] as const))('matches %s', (text, example) => {
    const found = findingsOf(text);
    expect(found.length, `no finding of ${rule.id}`).toBeGreaterThan(0);
    const expected = typeof example === 'string' ? [] : (example.expect ?? []);
    const spans = found.map((f) => text.slice(f.start, f.end));
    for (const want of expected) expect(spans).toContain(want);
  });

  const negatives = rule.examples.noMatch.map((e) => [textOf(e)] as const);
  if (negatives.length > 0) {
    it.each(negatives)('does not match %s', (text) => {
      expect(findingsOf(text).map((f) => text.slice(f.start, f.end))).toEqual([]);
    });
  }
});
