// The detector contract, for EVERY rule of the default registry and for the registry as a whole:
// offsets in bounds, start < end, sorted, never cutting a surrogate pair, deterministic; the streaming scanner fed
// at random cut points finds exactly what detect() finds on the whole text; nothing throws on any string (lone
// surrogates, NUL, 1 MB); and a full-width copy of an ASCII value is found at the same offsets (NFKC mapping).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detect, getDefaultRegistry, type ConflictStrategy, type Detector, type RuleExample } from '@kamen/core';
import {
  contractViolations,
  fullWidthAscii,
  piiDocumentArb,
  scanInChunks,
  singleRuleRegistry,
} from '../helpers/contracts.js';

const registry = getDefaultRegistry();
const binaryString = fc.string({ unit: 'binary', maxLength: 200 });
// Strings made of the characters detectors care about, so arbitrary input actually reaches their match paths.
const nearMiss = fc
  .array(fc.constantFrom(...'0123456789０１２-－ー.@ 　:：TELtel〒都区市丁目番号様さん田中山\n\uD800\uDC00\u0000'), {
    maxLength: 200,
  })
  .map((cs) => cs.join(''));

/** Rule examples whose expected value has ASCII in it, with the value's offset in the example text. */
function asciiExamples(examples: readonly RuleExample[]): [string, number, string][] {
  const out: [string, number, string][] = [];
  for (const e of examples) {
    if (typeof e === 'string') continue;
    for (const want of e.expect ?? []) {
      const at = e.text.indexOf(want);
      if (at >= 0 && /[\x21-\x7e]/.test(want) && e.text.indexOf(want, at + 1) < 0) out.push([e.text, at, want]);
    }
  }
  return out;
}

describe.each(registry.rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  const reg = singleRuleRegistry(rule);
  const spansOf = (text: string): [number, number][] =>
    detect(text, { registry: reg, conflicts: 'none' }).map((f) => [f.start, f.end]);

  it('gives well-formed, deterministic findings on JA/EN text with PII', () => {
    fc.assert(
      fc.property(piiDocumentArb(30), fc.constantFrom<ConflictStrategy>('keep-highest', 'none'), (text, conflicts) => {
        const found = detect(text, { registry: reg, conflicts });
        expect(contractViolations(text, found)).toEqual([]);
        expect(detect(text, { registry: reg, conflicts })).toEqual(found);
      }),
      { numRuns: 12 },
    );
  });

  it('finds the same with the scanner fed at random cut points as detect() on the whole text', () => {
    fc.assert(
      fc.property(piiDocumentArb(), fc.array(fc.nat(), { maxLength: 16 }), (text, cuts) => {
        expect(scanInChunks(reg, text, cuts)).toEqual(detect(text, { registry: reg }));
      }),
      { numRuns: 8 },
    );
  });

  it('never throws on any string (lone surrogates, NUL, near misses)', () => {
    fc.assert(
      fc.property(fc.oneof(binaryString, nearMiss), (text) => {
        expect(contractViolations(text, detect(text, { registry: reg, conflicts: 'none' }))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  const examples = asciiExamples(rule.examples.match);
  if (examples.length > 0) {
    it.each(examples)('finds the full-width copy of the value in %j at the same offsets', (text, at, want) => {
      const span: [number, number] = [at, at + want.length];
      const wide = text.slice(0, at) + fullWidthAscii(want) + text.slice(at + want.length);
      expect(spansOf(text), 'the ASCII example itself').toContainEqual(span);
      expect(spansOf(wide), JSON.stringify(wide)).toContainEqual(span);
    });
  }
});

describe('the default registry as a whole', () => {
  it.each<ConflictStrategy>(['keep-highest', 'merge', 'none'])(
    'gives well-formed findings and is chunk-independent (%s)',
    (conflicts) => {
      fc.assert(
        fc.property(piiDocumentArb(), fc.array(fc.nat(), { maxLength: 24 }), (text, cuts) => {
          const whole = detect(text, { registry, conflicts });
          expect(contractViolations(text, whole)).toEqual([]);
          expect(scanInChunks(registry, text, cuts, { conflicts })).toEqual(whole);
        }),
        { numRuns: 10 },
      );
    },
  );

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(binaryString, nearMiss), (text) => {
        expect(contractViolations(text, detect(text))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('handles a 1 MB input with PII, lone surrogates and NUL in one call', () => {
    const unit = '氏名：山田 太郎 携帯 090-1234-5678 mail taro@example.co.jp \uD800 \u0000 個人番号 1234 5678 9018。\n';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const found = detect(text);
    expect(contractViolations(text, found)).toEqual([]);
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('contractViolations', () => {
  const f = (start: number, end: number, score = 0.9) => ({ type: 'EMAIL' as const, start, end, score, ruleId: 'r' });

  it('reports every broken clause and accepts a good list', () => {
    const text = 'a𠮷b mail';
    expect(contractViolations(text, [f(0, 1), f(5, 9)])).toEqual([]);
    expect(contractViolations(text, [f(2, 4)])[0]).toMatch(/surrogate/);
    expect(contractViolations(text, [f(5, 99)])[0]).toMatch(/out of bounds/);
    expect(contractViolations(text, [f(3, 3)])[0]).toMatch(/empty/);
    expect(contractViolations(text, [f(5, 9), f(0, 1)])[0]).toMatch(/not sorted/);
    expect(contractViolations(text, [f(0, 1, 0)])[0]).toMatch(/score/);
  });

  it('scanInChunks reports, in global offsets, what a detector sees across every chunk and block boundary', () => {
    // A detector that reports every 'x': whatever the cuts, the findings are exactly the positions of 'x'.
    const xs: Detector = {
      id: 'test.x',
      entity: 'EMAIL',
      languages: ['en'],
      context: undefined,
      minScore: 0,
      *scan(norm) {
        for (let i = norm.text.indexOf('x'); i >= 0; i = norm.text.indexOf('x', i + 1)) {
          yield { start: i, end: i + 1, score: 0.9, pattern: 'x' };
        }
      },
    };
    const reg = { rules: [], detectors: [xs] };
    const doc = fc
      .array(fc.constantFrom('x', 'a', 'aaaa', ' ', '\n', '。'), { maxLength: 3000, size: 'max' })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(doc, fc.array(fc.nat()), (text, cuts) => {
        const want = [...text.matchAll(/x/g)].map((m) => m.index);
        expect(scanInChunks(reg, text, cuts).map((f) => f.start)).toEqual(want);
      }),
      { numRuns: 30 },
    );
  });
});
