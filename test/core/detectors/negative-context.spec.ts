import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry, detect } from '@kamen/core';

// A tiny rule set exercising the engine features the identifier rules rely on: per-pattern validators,
// same-span de-duplication and negativeContext.
const dir = mkdtempSync(join(tmpdir(), 'kamen-neg-'));
const file = join(dir, 'neg.yaml');
writeFileSync(
  file,
  `rules:
  - id: test.code
    entity: BANK_ACCOUNT
    languages: [ja, en]
    description: six digits; a Luhn-valid one scores higher
    patterns:
      - name: luhn
        regex: '(?<!\\d)\\d{6}(?!\\d)'
        score: 0.8
        validators: [luhn]
      - name: plain
        regex: '(?<!\\d)\\d{6}(?!\\d)'
        score: 0.55
    context:
      words: [コード]
    negativeContext:
      words: [注文番号, order]
      before: 12
      after: 8
    examples:
      match: ['123455']
      noMatch: ['注文番号 123455']
`,
);
const registry = createRegistry({ builtins: false, ruleFiles: [file] });
const run = (text: string) => detect(text, { registry, conflicts: 'none', explain: true });

describe('pattern validators and negative context', () => {
  it('reports one finding per span, from the best-scoring pattern', () => {
    const luhnValid = run('123455');
    expect(luhnValid).toHaveLength(1);
    expect(luhnValid[0]?.explanation?.pattern).toBe('luhn');
    const plain = run('123456');
    expect(plain).toHaveLength(1);
    expect(plain[0]?.explanation?.pattern).toBe('plain');
  });

  it('vetoes a candidate with a negative word before or after it', () => {
    expect(run('注文番号: 123455')).toEqual([]);
    expect(run('123455 (order)')).toEqual([]);
  });

  it('lets the nearest label win: a context word between the veto word and the value keeps it', () => {
    expect(run('注文番号とコード 123455')).toHaveLength(1);
    expect(run('コードと注文番号 123455')).toEqual([]);
  });

  it('ignores veto words outside the window', () => {
    expect(run('注文番号はありません。以下は別件です 123455')).toHaveLength(1);
  });

  it('never reports a value directly after a veto word, whatever the filler', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom('注文番号', 'ORDER', '注文番号：'), (pre, neg) => {
        const text = `${pre.replace(/\d/g, '')}${neg} 654321`;
        expect(run(text).filter((f) => f.start === text.length - 6)).toEqual([]);
      }),
    );
  });
});
