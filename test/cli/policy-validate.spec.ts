import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '@kamen/core';
import { runKamen } from '../helpers/run-kamen.js';

const dir = mkdtempSync(join(tmpdir(), 'kamen-policy-'));
function policyFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

// Each case starts the real binary a few times: on a loaded 2-core box that takes seconds, not milliseconds.
describe('kamen policy validate', { timeout: 120_000 }, () => {
  it('accepts every built-in policy and summarises its roles', async () => {
    for (const name of BUILTIN_POLICIES) {
      const res = await runKamen(['policy', 'validate', name]);
      expect(res.code).toBe(0);
      expect(res.stdout).toContain(`valid policy '${name}'`);
      // admin keeps everything on purpose: warned about, not refused.
      if (name === 'admin') expect(res.stderr).toMatch(/admin\.yaml:6:10: warning: the policy default is keep/u);
      else expect(res.stderr).toBe('');
    }
    const migration = await runKamen(['policy', 'validate', 'migration']);
    expect(migration.stdout).toMatch(/role migration: default hash; \d+ entity rules \(.*fpe ×\d+/u);
    expect(migration.stdout).toContain('reversible by key holders: fpe');
  });

  it('names file, line and column of a schema error (exit 4)', async () => {
    const file = policyFile(
      'schema.yaml',
      'name: x\ndefault: { operator: redact }\nmostRestrictive: r\nroles:\n  r:\n    entities:\n      PHONEY: { operator: mask }\n',
    );
    const res = await runKamen(['policy', 'validate', file]);
    expect(res.code).toBe(4);
    expect(res.stderr).toContain(`${file}:`);
    expect(res.stderr).toContain('KAMEN_ERR_POLICY_SCHEMA');
    expect(res.stdout).toBe('');
  });

  it('refuses an unknown operator and an unkeyed hash (KM-01) with their locations', async () => {
    const unknown = policyFile(
      'unknown.yaml',
      'name: x\ndefault: { operator: redact }\nmostRestrictive: r\nroles:\n  r:\n    entities:\n      PHONE: { operator: scramble }\n',
    );
    const res = await runKamen(['policy', 'validate', unknown]);
    expect(res.code).toBe(4);
    expect(res.stderr).toMatch(
      new RegExp(`${unknown.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:7:\\d+: KAMEN_ERR_POLICY_UNKNOWN_OPERATOR`, 'u'),
    );

    const unkeyed = policyFile(
      'unkeyed.yaml',
      'name: x\ndefault: { operator: redact }\nmostRestrictive: r\nroles:\n  r:\n    entities:\n      MY_NUMBER: { operator: hash, params: { keyed: false } }\n',
    );
    const res2 = await runKamen(['policy', 'validate', unkeyed]);
    expect(res2.code).toBe(4);
    expect(res2.stderr).toContain(`${unkeyed}:7:`);
    expect(res2.stderr).toContain('KAMEN_ERR_POLICY_UNSAFE');
  });

  it('warns about a keep default (fails with --strict) and refuses fpe where it cannot apply', async () => {
    const keep = policyFile('keep.yaml', 'name: x\ndefault: { operator: keep }\nmostRestrictive: r\nroles:\n  r: {}\n');
    const res = await runKamen(['policy', 'validate', keep]);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`${keep}:2:10: warning: the policy default is keep`);
    expect((await runKamen(['policy', 'validate', keep, '--strict'])).code).toBe(4);

    const fpeName = policyFile(
      'fpe.yaml',
      'name: x\ndefault: { operator: redact }\nmostRestrictive: r\nroles:\n  r:\n    entities:\n      PERSON_NAME: { operator: fpe }\n',
    );
    const res2 = await runKamen(['policy', 'validate', fpeName]);
    expect(res2.code).toBe(4);
    expect(res2.stderr).toContain('KAMEN_ERR_OPERATOR_PARAMS');
  });

  it('warns about fpe on a type without a fixed length (KM-04), and fails on it with --strict', async () => {
    const file = policyFile(
      'fpe-id.yaml',
      [
        'name: ids',
        'default: { operator: redact }',
        'mostRestrictive: r',
        'roles:',
        '  etl:',
        '    fields:',
        '      社員番号: { operator: fpe, entity: EMPLOYEE_ID }',
        '  r: {}',
        '',
      ].join('\n'),
    );
    const lax = await runKamen(['policy', 'validate', file]);
    expect(lax.code).toBe(0);
    expect(lax.stderr).toContain(`${file}:7:`);
    expect(lax.stderr).toContain('warning: fpe on EMPLOYEE_ID');
    expect(lax.stderr).toContain('KM-04');
    const strict = await runKamen(['policy', 'validate', '--strict', file]);
    expect(strict.code).toBe(4);
  });

  it('reports a missing file as a configuration error and bad usage as usage', async () => {
    expect((await runKamen(['policy', 'validate', join(dir, 'nope.yaml')])).code).toBe(4);
    expect((await runKamen(['policy', 'validate'])).code).toBe(2);
    expect((await runKamen(['policy', 'check', 'support'])).code).toBe(2);
    const help = await runKamen(['policy', 'validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('kamen policy validate FILE|BUILTIN');
  });
});
