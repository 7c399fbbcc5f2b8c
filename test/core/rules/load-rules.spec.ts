import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry, detect, KamenError, loadRuleFile } from '@kamen/core';

const dir = mkdtempSync(join(tmpdir(), 'kamen-rules-'));
const write = (name: string, body: string): string => {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
};

const VALID = `rules:
  - id: custom.employee_code
    entity: BANK_ACCOUNT
    languages: [ja]
    description: In-house account code
    patterns:
      - name: code
        regex: 'EMP-\\d{6}'
        score: 0.9
    examples:
      match: ['EMP-123456']
      noMatch: ['EMP-12']
`;

function errorOf(fn: () => unknown): KamenError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KamenError);
    return e as KamenError;
  }
  throw new Error('expected an error');
}

describe('loadRuleFile', () => {
  it('loads a valid user rule file', () => {
    const rules = loadRuleFile(write('ok.yaml', VALID));
    expect(rules.map((r) => r.id)).toEqual(['custom.employee_code']);
  });

  it('names file, line, column, rule id and field for a schema error', () => {
    const file = write('bad-score.yaml', VALID.replace('score: 0.9', 'score: 1.5'));
    const err = errorOf(() => loadRuleFile(file));
    expect(err.code).toBe('KAMEN_ERR_RULE_SCHEMA');
    expect(err.context).toMatchObject({ file, ruleId: 'custom.employee_code', line: 9 });
    expect(err.context.column).toBeGreaterThan(0);
    expect(err.message).toContain(`${file}:9:`);
    expect(err.message).toContain('patterns.0.score');
  });

  it('rejects an unknown entity type with the allowed values', () => {
    const err = errorOf(() => loadRuleFile(write('bad-entity.yaml', VALID.replace('BANK_ACCOUNT', 'NOPE'))));
    expect(err.code).toBe('KAMEN_ERR_RULE_SCHEMA');
    expect(err.message).toContain('MY_NUMBER');
  });

  it('reports YAML syntax errors with a position', () => {
    const err = errorOf(() => loadRuleFile(write('syntax.yaml', 'rules:\n  - id: [unclosed\n')));
    expect(err.code).toBe('KAMEN_ERR_RULE_FILE');
    expect(err.context.line).toBeGreaterThan(0);
  });

  it('rejects duplicate YAML keys', () => {
    const err = errorOf(() =>
      loadRuleFile(write('dup-key.yaml', VALID.replace('    entity:', '    id: again\n    entity:'))),
    );
    expect(err.code).toBe('KAMEN_ERR_RULE_FILE');
  });
});

describe('createRegistry', () => {
  it('adds user rules next to the built-in ones and detects with them', () => {
    const registry = createRegistry({ ruleFiles: [write('user.yaml', VALID)] });
    expect(registry.rules.some((r) => r.id === 'common.email')).toBe(true);
    const found = detect('社内コード EMP-123456 です', { registry });
    expect(found).toMatchObject([{ type: 'BANK_ACCOUNT', start: 6, end: 16, ruleId: 'custom.employee_code' }]);
  });

  it('disables a built-in rule by id', () => {
    const registry = createRegistry({ disable: ['common.email'] });
    expect(detect('a@example.com', { registry })).toEqual([]);
  });

  it('refuses to disable an id that does not exist', () => {
    expect(errorOf(() => createRegistry({ disable: ['common.emial'] })).code).toBe('KAMEN_ERR_RULE_UNKNOWN_ID');
  });

  it('refuses duplicate rule ids across files', () => {
    const a = write('a.yaml', VALID);
    const b = write('b.yaml', VALID);
    const err = errorOf(() => createRegistry({ builtins: false, ruleFiles: [a, b] }));
    expect(err.code).toBe('KAMEN_ERR_RULE_DUPLICATE_ID');
    expect(err.context.ruleId).toBe('custom.employee_code');
  });

  it('refuses an invalid regex and an unknown validator, naming the field', () => {
    const badRegex = write('re.yaml', VALID.replace('EMP-', 'EMP-('));
    const e1 = errorOf(() => createRegistry({ builtins: false, ruleFiles: [badRegex] }));
    expect(e1.code).toBe('KAMEN_ERR_RULE_REGEX');
    expect(e1.context.field).toBe('patterns.0.regex');
    const badValidator = write('val.yaml', VALID.replace('    examples:', '    validators: [luhnn]\n    examples:'));
    const e2 = errorOf(() => createRegistry({ builtins: false, ruleFiles: [badValidator] }));
    expect(e2.code).toBe('KAMEN_ERR_RULE_UNKNOWN_VALIDATOR');
    expect(e2.context.field).toBe('validators.0');
  });

  it('refuses an unknown predefined detector', () => {
    const file = write('det.yaml', VALID.replace(/ {4}patterns:\n(?: {6}.*\n)+/, '    detector: no_such_detector\n'));
    expect(errorOf(() => createRegistry({ builtins: false, ruleFiles: [file] })).code).toBe(
      'KAMEN_ERR_RULE_UNKNOWN_DETECTOR',
    );
  });
});
