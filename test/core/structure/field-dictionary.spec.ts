import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KamenError,
  RULES_DIR,
  classifyField,
  getDefaultFieldDictionary,
  loadFieldDictionary,
  loadRules,
} from '@kamen/core';

const dir = mkdtempSync(join(tmpdir(), 'kamen-fields-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
function errorOf(fn: () => unknown): KamenError {
  try {
    fn();
  } catch (err) {
    if (err instanceof KamenError) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('field dictionaries', () => {
  it('load from rules/fields/ with every built-in header', () => {
    const dict = getDefaultFieldDictionary();
    expect(dict.entries.size).toBeGreaterThan(400);
    expect(dict.entries.get('氏名')?.type).toBe('PERSON_NAME');
    expect(dict.generic.has('番号')).toBe(true);
  });

  it('are not loaded as detection rules', () => {
    const files = new Set(loadRules([RULES_DIR]).map((r) => r.file));
    expect([...files].some((f) => f.includes(`${join('rules', 'fields')}`))).toBe(false);
  });

  it('a custom dictionary adds headers', () => {
    const custom = loadFieldDictionary([
      file('custom.yaml', 'fields:\n  - type: EMPLOYEE_ID\n    names: [職員ID番号X, staff_code_x]\n'),
    ]);
    expect(classifyField('Staff Code X', [], { dictionary: custom })?.type).toBe('EMPLOYEE_ID');
    expect(classifyField('氏名', [], { dictionary: custom })).toBeNull();
  });

  it('schema errors name the file, line and column', () => {
    const p = file('bad-type.yaml', 'fields:\n  - type: NAME\n    names: [x]\n');
    const err = errorOf(() => loadFieldDictionary([p]));
    expect(err.code).toBe('KAMEN_ERR_FIELD_SCHEMA');
    expect(err.context).toMatchObject({ file: p, line: 2, column: 11 });
    expect(err.message).toContain('PERSON_NAME');
  });

  it('YAML syntax errors name the file, line and column', () => {
    const p = file('syntax.yaml', 'fields:\n  - type: EMAIL\n    names: [a, b\n');
    const err = errorOf(() => loadFieldDictionary([p]));
    expect(err.code).toBe('KAMEN_ERR_FIELD_FILE');
    expect(err.context.file).toBe(p);
    expect(err.context.line).toBeGreaterThan(0);
  });

  it('one header mapped to two types is an error, even across spellings', () => {
    const p = file(
      'dup.yaml',
      'fields:\n  - type: EMAIL\n    names: [mail_addr]\n  - type: PHONE\n    names: [ＭａｉｌＡｄｄｒ]\n',
    );
    const err = errorOf(() => loadFieldDictionary([p]));
    expect(err.code).toBe('KAMEN_ERR_FIELD_SCHEMA');
    expect(err.context).toMatchObject({ file: p, line: 5 });
  });

  it('unknown properties are rejected', () => {
    const err = errorOf(() => loadFieldDictionary([file('extra.yaml', 'headers: [a]\n')]));
    expect(err.code).toBe('KAMEN_ERR_FIELD_SCHEMA');
  });
});
