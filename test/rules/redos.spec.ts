// RX-01..RX-03: no rule pattern may backtrack super-linearly. recheck proves it statically for every YAML pattern
// (eslint-plugin-regexp covers the regexes written in TypeScript); adversarial inputs then bound the whole engine.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSync } from 'recheck';
import { detect, getDefaultRegistry } from '@kamen/core';

const patterns = getDefaultRegistry().rules.flatMap((r) =>
  (r.patterns ?? []).map((p) => [`${r.id} / ${p.name}`, p.regex, p.flags ?? ''] as const),
);

describe('rule patterns (recheck)', () => {
  it.each(patterns)('%s is safe', (_name, source, flags) => {
    const result = checkSync(source, flags);
    expect(result.status, `recheck: ${JSON.stringify(result)}`).toBe('safe');
  });
});

describe('adversarial inputs', () => {
  // A safety cap against catastrophic backtracking (minutes, not milliseconds), not a performance benchmark.
  const CAP_MS = 5_000;
  const unit = fc.constantFrom('1', '0', '-', '.', '@', 'a', ' ', '田', 'ー', '１', '+', '(', ':', '様');
  const attack = fc.tuple(fc.array(unit, { minLength: 1, maxLength: 4 }), fc.constantFrom('!', '\u0000', 'x', '。'));

  it('64 KiB runs of digits, dashes, dots, @, kanji and spaces with a rejecting suffix stay linear', () => {
    fc.assert(
      fc.property(attack, ([run, suffix]) => {
        const text =
          run
            .join('')
            .repeat(Math.ceil(65_536 / run.length))
            .slice(0, 65_536) + suffix;
        const t0 = performance.now();
        detect(text);
        expect(performance.now() - t0).toBeLessThan(CAP_MS);
      }),
      { numRuns: 25 },
    );
  });
});
