import { getOperator, type FieldType, type OperatorConfig, type Policy } from '@kamen/core';

/** A finding of the semantic checks: `error` fails validation, `warning` only with --strict. */
export interface PolicyIssue {
  readonly level: 'error' | 'warning';
  /** JSON-pointer-like path in the policy (/roles/support/entities/EMPLOYEE_ID). */
  readonly path: string;
  readonly message: string;
}

/**
 * Digits FF1 encrypts for each type fpe accepts (see operators/fpe.ts): the smallest value of the type gives the
 * smallest domain. Types absent here have no fixed length: their domain depends on the data (KM-04 at mask time).
 */
const FPE_MIN_DIGITS: Partial<Record<FieldType, number>> = {
  MY_NUMBER: 11,
  CORPORATE_NUMBER: 12,
  CREDIT_CARD: 6,
  PHONE: 6,
  POSTAL_CODE: 7,
  PENSION_NUMBER: 10,
  EMPLOYMENT_INSURANCE_NUMBER: 11,
  DRIVERS_LICENSE: 12,
  PASSPORT: 7,
  RESIDENCE_CARD: 8,
  BANK_ACCOUNT: 7,
  US_SSN: 9,
};
/** NIST SP 800-38G Rev. 1: radix^minlen ≥ 10^6. */
const FPE_MIN = 6;

const isReversible = (op: string): boolean => getOperator(op)?.reversible === true;

interface Scope {
  readonly path: string;
  readonly default?: OperatorConfig;
  readonly entities?: Readonly<Partial<Record<FieldType, OperatorConfig>>>;
  readonly fields?: Readonly<Record<string, OperatorConfig>>;
}

function checkFpe(path: string, entity: FieldType | undefined, config: OperatorConfig, issues: PolicyIssue[]): void {
  if (config.operator !== 'fpe') return;
  const digits = entity === undefined ? undefined : FPE_MIN_DIGITS[entity];
  if (digits !== undefined && digits < FPE_MIN) {
    issues.push({
      level: 'error',
      path,
      message: `fpe on ${entity} encrypts ${digits} digits: fewer than 10^6 values (KM-04)`,
    });
  } else if (digits === undefined) {
    issues.push({
      level: 'warning',
      path,
      message: `fpe on ${entity ?? 'a field typed per stream'}: values have no fixed length; any with fewer than ${FPE_MIN} digits fail at mask time (KM-04)`,
    });
  }
}

/**
 * Checks beyond what loading a policy checks (schema, operators, params, KM-01): fpe domains (KM-04, an error when
 * a type's values are too short, a warning when their length is unknown); warnings for `keep` as a default (privacy
 * by default) and for a most restrictive role that keeps or reverses values.
 */
export function checkPolicy(policy: Policy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  if (policy.default.operator === 'keep') {
    // The built-in admin policy does this on purpose (clear text for a role with a legal basis): a warning.
    issues.push({
      level: 'warning',
      path: '/default',
      message: 'the policy default is keep: PII no rule names passes unmasked',
    });
  }
  const scopes: Scope[] = [
    ...Object.entries(policy.roles).map(([name, r]) => ({ path: `/roles/${name}`, ...r })),
    ...Object.entries(policy.tenants ?? {}).map(([name, t]) => ({ path: `/tenants/${name}`, ...t })),
  ];
  for (const scope of scopes) {
    if (scope.default?.operator === 'keep') {
      issues.push({
        level: 'warning',
        path: `${scope.path}/default`,
        message: 'a role default of keep passes every type no rule names',
      });
    }
    for (const [type, config] of Object.entries(scope.entities ?? {}) as [FieldType, OperatorConfig][]) {
      checkFpe(`${scope.path}/entities/${type}`, type, config, issues);
    }
    for (const [field, config] of Object.entries(scope.fields ?? {})) {
      checkFpe(`${scope.path}/fields/${field}`, config.entity, config, issues);
    }
  }
  const restricted = policy.roles[policy.mostRestrictive];
  const open = Object.entries(restricted?.entities ?? {}).filter(
    ([type, c]) => isReversible(c.operator) || (c.operator === 'keep' && type !== 'CORPORATE_NUMBER'),
  );
  for (const [type, c] of open) {
    issues.push({
      level: 'warning',
      path: `/roles/${policy.mostRestrictive}/entities/${type}`,
      message: `the most restrictive role (used for unknown roles) applies ${c.operator} to ${type}`,
    });
  }
  return issues;
}

/** Operators of a role that need a key, and those a key holder can reverse. */
export function keyNeeds(policy: Policy, role: string): { keyed: string[]; reversible: string[] } {
  const r = policy.roles[role];
  const ops = new Set<string>([policy.default.operator]);
  if (r?.default !== undefined) ops.add(r.default.operator);
  for (const c of Object.values(r?.entities ?? {})) ops.add(c.operator);
  for (const c of Object.values(r?.fields ?? {})) ops.add(c.operator);
  const KEYED = new Set(['hash', 'pseudonym', 'fpe', 'surrogate']);
  return {
    keyed: [...ops].filter((o) => KEYED.has(o)).sort(),
    reversible: [...ops].filter(isReversible).sort(),
  };
}
