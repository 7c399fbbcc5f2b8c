import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRegistry, createScanner, detect, type Finding } from '@kamen/core';

// A self-contained registry (no built-in rules), so these tests pin the engine, not the rule set.
const dir = mkdtempSync(join(tmpdir(), 'kamen-scan-'));
const file = join(dir, 'test.yaml');
writeFileSync(
  file,
  `rules:
  - id: test.code
    entity: PASSPORT
    languages: [ja, en]
    description: test code with context
    patterns:
      - { name: code, regex: '(?<![A-Z0-9])[A-Z]{2}\\d{7}(?![0-9])', score: 0.3 }
    context: { words: [旅券番号, passport], before: 20 }
    examples: { match: ['旅券番号 TR1234567'], noMatch: ['TR1234567'] }
`,
);
const registry = createRegistry({ builtins: false, ruleFiles: [file] });

function scanInChunks(text: string, cuts: number[]): Finding[] {
  const scanner = createScanner(registry);
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: Finding[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(...scanner.write(text.slice(prev, p)));
    prev = p;
  }
  out.push(...scanner.write(text.slice(prev)), ...scanner.end());
  return out;
}

describe('createScanner', () => {
  it('uses context from the previous line', () => {
    expect(detect('旅券番号:\nTR1234567', { registry })).toMatchObject([{ start: 6, end: 15 }]);
    expect(detect('TR1234567', { registry })).toEqual([]);
  });

  it('reports global offsets across many blocks', () => {
    const filler = 'あいうえお かきくけこ\n'.repeat(2000);
    const text = `${filler}passport TR7654321\n${filler}`;
    const found = detect(text, { registry });
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('TR7654321');
  });

  it('finds an entity inside a line longer than a block', () => {
    const text = `${'x'.repeat(5000)} passport TR1111111 ${'y'.repeat(5000)}`;
    const [hit] = detect(text, { registry });
    expect(text.slice(hit!.start, hit!.end)).toBe('TR1111111');
  });

  it('gives the same findings for any chunking of the input', () => {
    const line = fc.constantFrom(
      '旅券番号 TR1234567',
      'passport: AB7654321',
      '予定は未定です',
      'x',
      '',
      'ｐａｓｓｐｏｒｔ ＴＲ１２３４５６７',
    );
    const textArb = fc.array(line, { maxLength: 400 }).map((ls) => ls.join('\n'));
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 20 }), (text, cuts) => {
        expect(scanInChunks(text, cuts)).toEqual(detect(text, { registry }));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses writes after end', () => {
    const s = createScanner(registry);
    s.end();
    expect(() => s.write('x')).toThrow();
  });
});
