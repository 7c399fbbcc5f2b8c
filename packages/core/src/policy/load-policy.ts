import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { KamenError, coreError, type CoreErrorCode } from '../errors.js';
import { RULES_DIR } from '../paths.js';
import { compileSchemaFile, parseYaml } from '../rules/yaml-file.js';
import { ENTITY_TYPES, FIELD_ONLY_TYPES, type FieldType } from '../types.js';
import { resolveOperator } from './operators.js';
import type { OperatorConfig, Policy } from './policy.js';

/** Names of the built-in policies in rules/policies/. */
export const BUILTIN_POLICIES = ['support', 'migration', 'analytics', 'admin'] as const;

const ALL_TYPES: readonly FieldType[] = [...ENTITY_TYPES, ...FIELD_ONLY_TYPES];

// Parsed and compiled through the rules' loader: the build's startup cache holds the built-in policies' data and
// this schema's validator (startup-cache.ts), which a process would otherwise parse and compile on every start.
const schema = (): ValidateFunction => compileSchemaFile(join(RULES_DIR, 'policy.schema.json'), false);

/**
 * Checks one operator config: the operator exists, its params are valid for every type it may be applied to
 * (operator.validate), and it is not an unkeyed hash of an identifier (KM-01).
 */
function checkConfig(
  config: OperatorConfig,
  types: readonly FieldType[],
  fail: (code: CoreErrorCode, d: string) => never,
) {
  const op = resolveOperator(config.operator);
  if (op === undefined) fail('KAMEN_ERR_POLICY_UNKNOWN_OPERATOR', `unknown operator '${config.operator}'`);
  const p = (config.params ?? {}) as Record<string, unknown>;
  if (config.operator === 'hash' && (p.keyed === false || p.unkeyed === true || p.key === false)) {
    fail(
      'KAMEN_ERR_POLICY_UNSAFE',
      'hash must be keyed: an unkeyed hash of a phone number or My Number is reversible by enumeration',
    );
  }
  for (const t of types) {
    try {
      op.validate(config.params ?? {}, t);
    } catch (err) {
      if (err instanceof KamenError) fail('KAMEN_ERR_OPERATOR_PARAMS', `${config.operator} for ${t}: ${err.message}`);
      throw err;
    }
  }
}

/**
 * Parses and validates a policy. Every error names the file, line and column: YAML syntax, JSON Schema,
 * unknown operator, invalid operator params, unkeyed hash (KM-01), unknown mostRestrictive role.
 * @public
 */
export function parsePolicy(source: string, file = '<policy>'): Policy {
  const { data, locate } = parseYaml(source, file, 'KAMEN_ERR_POLICY_FILE');
  const validate = schema();
  if (!validate(data)) {
    const err = (validate.errors as ErrorObject[])[0] as ErrorObject;
    const path = err.instancePath.split('/').slice(1);
    const extra =
      err.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as unknown[]).join(', ')})` : '';
    throw coreError('KAMEN_ERR_POLICY_SCHEMA', `${err.instancePath || '/'} ${err.message ?? 'is invalid'}${extra}`, {
      file,
      ...locate(path),
      path: err.instancePath || '/',
    });
  }
  const policy = { ...(data as Omit<Policy, 'file'>), file };
  const at =
    (path: (string | number)[]) =>
    (code: CoreErrorCode, detail: string): never => {
      throw coreError(code, detail, { file, ...locate(path), path: `/${path.join('/')}` });
    };
  if (!(policy.mostRestrictive in policy.roles)) {
    at(['mostRestrictive'])('KAMEN_ERR_POLICY_SCHEMA', `mostRestrictive names no role`);
  }
  checkConfig(policy.default, ALL_TYPES, at(['default']));
  const scopes: [string[], { default?: OperatorConfig; entities?: object; fields?: object }][] = [
    ...Object.entries(policy.roles).map(([r, v]): [string[], typeof v] => [['roles', r], v]),
    ...Object.entries(policy.tenants ?? {}).map(([t, v]): [string[], typeof v] => [['tenants', t], v]),
  ];
  for (const [path, scope] of scopes) {
    if (scope.default !== undefined) checkConfig(scope.default, ALL_TYPES, at([...path, 'default']));
    for (const [type, config] of Object.entries(scope.entities ?? {}) as [FieldType, OperatorConfig][]) {
      checkConfig(config, [type], at([...path, 'entities', type, 'params']));
    }
    for (const [field, config] of Object.entries(scope.fields ?? {}) as [string, OperatorConfig][]) {
      checkConfig(config, [config.entity ?? 'FREE_TEXT'], at([...path, 'fields', field, 'params']));
    }
  }
  return policy;
}

/**
 * Loads a policy by built-in name ('support', 'migration', 'analytics', 'admin') or from a YAML file path.
 * @public
 */
export function loadPolicy(nameOrPath: string): Policy {
  const builtin = (BUILTIN_POLICIES as readonly string[]).includes(nameOrPath);
  const file = builtin ? join(RULES_DIR, 'policies', `${nameOrPath}.yaml`) : nameOrPath;
  if (!builtin && !existsSync(file)) {
    throw coreError('KAMEN_ERR_POLICY_FILE', `no built-in policy or file named '${nameOrPath}'`, { file });
  }
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    throw coreError('KAMEN_ERR_POLICY_FILE', 'cannot read the file', { file }, cause);
  }
  return parsePolicy(source, file);
}
