import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, KamenError, compilePolicy, loadPolicy, parsePolicy } from '@kamen/core';
import { testKeyRing } from '../../helpers/test-keyring.js';

const base = (body: string): string =>
  ['name: t', 'mostRestrictive: low', 'default: { operator: redact }', 'roles:', body].join('\n');

function errorOf(source: string): KamenError {
  try {
    parsePolicy(source, 'p.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(KamenError);
    return err as KamenError;
  }
  throw new Error('expected a policy error');
}

describe('parsePolicy errors carry line and column', () => {
  it('YAML syntax', () => {
    const err = errorOf(base('  low: { default: [ }'));
    expect(err.code).toBe('KAMEN_ERR_POLICY_FILE');
    expect(err.context.line).toBe(5);
  });

  it('schema: unknown property in a role', () => {
    const err = errorOf(base('  low:\n    defualt: { operator: redact }'));
    expect(err.code).toBe('KAMEN_ERR_POLICY_SCHEMA');
    expect(err.context).toMatchObject({ file: 'p.yaml', line: 6 });
    expect(err.message).toContain('p.yaml:6');
  });

  it('schema: unknown entity type', () => {
    const err = errorOf(base('  low:\n    entities:\n      SHOE_SIZE: { operator: redact }'));
    expect(err.code).toBe('KAMEN_ERR_POLICY_SCHEMA');
    expect(err.context.line).toBeGreaterThanOrEqual(6);
  });

  it('unknown operator', () => {
    const err = errorOf(base('  low:\n    entities:\n      PHONE: { operator: scramble }'));
    expect(err.code).toBe('KAMEN_ERR_POLICY_UNKNOWN_OPERATOR');
    expect(err.context).toMatchObject({ line: 7, column: 14 });
  });

  it('operator params are validated for their entity at load', () => {
    const err = errorOf(base('  low:\n    entities:\n      MY_NUMBER: { operator: surrogate }'));
    expect(err.code).toBe('KAMEN_ERR_OPERATOR_PARAMS');
    expect(err.context.line).toBe(7);
    const bad = errorOf(
      base('  low:\n    entities:\n      DATE_OF_BIRTH: { operator: generalize, params: { level: prefecture } }'),
    );
    expect(bad.code).toBe('KAMEN_ERR_OPERATOR_PARAMS');
  });

  it('KM-01: an unkeyed hash is refused at load', () => {
    const err = errorOf(base('  low:\n    entities:\n      PHONE: { operator: hash, params: { keyed: false } }'));
    expect(['KAMEN_ERR_POLICY_UNSAFE', 'KAMEN_ERR_OPERATOR_PARAMS']).toContain(err.code);
    expect(err.context.line).toBe(7);
  });

  it('mostRestrictive must name a role', () => {
    const err = errorOf(base('  other: {}').replace('mostRestrictive: low', 'mostRestrictive: nobody'));
    expect(err.code).toBe('KAMEN_ERR_POLICY_SCHEMA');
    expect(err.context.line).toBe(2);
  });

  it('a missing file or name is a policy error', () => {
    expect(() => loadPolicy('/nonexistent/policy.yaml')).toThrow(/KAMEN_ERR_POLICY_FILE|no built-in policy/);
  });
});

describe('built-in policies', () => {
  it.each(BUILTIN_POLICIES)('%s loads and compiles for every role', (name) => {
    const policy = loadPolicy(name);
    expect(policy.name).toBe(name);
    for (const role of Object.keys(policy.roles)) {
      const plan = compilePolicy(policy, role, { keys: testKeyRing() });
      expect(plan.role).toBe(role);
      // 法人番号 is public: kept in every role of every built-in policy.
      expect(plan.forType('CORPORATE_NUMBER').operator.name).toBe('keep');
      // My Number: reversible only through migration's FPE (or admin's clear text).
      const my = plan.forType('MY_NUMBER').operator;
      if (my.reversible) expect(`${name}/${my.name}`).toBe('migration/fpe');
    }
  });

  it('an unknown or missing role gets the most restrictive role', () => {
    const policy = loadPolicy('support');
    expect(compilePolicy(policy, 'intern').role).toBe('restricted');
    expect(compilePolicy(policy, undefined).role).toBe('restricted');
    expect(compilePolicy(policy, 'toString').role).toBe('restricted');
  });
});
