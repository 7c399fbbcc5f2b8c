import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KamenError, createRegistry, detect } from '@kamen/core';

const dir = mkdtempSync(join(tmpdir(), 'kamen-pattern-'));
const ruleFile = (name: string, pattern: string, extra = ''): string => {
  const file = join(dir, name);
  writeFileSync(
    file,
    `rules:
  - id: test.${name.replace(/\W/g, '_')}
    entity: BANK_ACCOUNT
    languages: [ja]
    description: test rule
    patterns:
${pattern}
${extra}
    examples:
      match: ['x']
      noMatch: []
`,
  );
  return file;
};

describe('pattern detector', () => {
  it('names the pattern and index of an unknown per-pattern validator', () => {
    const file = ruleFile('bad', "      - { name: p, regex: '\\d+', score: 0.9, validators: [no_such_check] }");
    let error: unknown;
    try {
      createRegistry({ builtins: false, ruleFiles: [file] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KamenError);
    expect((error as KamenError).code).toBe('KAMEN_ERR_RULE_UNKNOWN_VALIDATOR');
    expect((error as KamenError).context.field).toBe('patterns.0.validators.0');
  });

  it('reports a capture group at its own offset even when the same text occurs earlier in the match', () => {
    const file = ruleFile('group', "      - { name: p, regex: 'A(\\d\\d)-(\\d\\d)', group: 2, score: 0.9 }");
    const registry = createRegistry({ builtins: false, ruleFiles: [file] });
    expect(detect('xA12-12', { registry }).map((f) => [f.start, f.end])).toEqual([[5, 7]]);
  });

  it('rejects a schema-invalid negativeContext', () => {
    const file = ruleFile(
      'neg',
      "      - { name: p, regex: '\\d+', score: 0.9 }",
      '    negativeContext: { words: [] }',
    );
    let error: unknown;
    try {
      createRegistry({ builtins: false, ruleFiles: [file] });
    } catch (e) {
      error = e;
    }
    expect((error as KamenError).code).toBe('KAMEN_ERR_RULE_SCHEMA');
  });
});
