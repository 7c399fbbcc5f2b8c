/**
 * The error catalogue of @kamen/core. Every error kamen throws carries a stable `code` from this table;
 * docs/errors.md documents each one (a test keeps the two in step).
 * Messages never contain input values or key material: only locations, names and ids.
 */

export const CORE_ERRORS = {
  KAMEN_ERR_INVALID_ARGUMENT: 'An argument to a public function is invalid',
  KAMEN_ERR_RULE_FILE: 'A rule file cannot be read or parsed',
  KAMEN_ERR_RULE_SCHEMA: 'A rule does not match the rule JSON Schema',
  KAMEN_ERR_RULE_REGEX: 'A rule pattern is not a valid regular expression',
  KAMEN_ERR_RULE_UNKNOWN_VALIDATOR: 'A rule names a validator that does not exist',
  KAMEN_ERR_RULE_UNKNOWN_DETECTOR: 'A rule names a predefined detector that does not exist',
  KAMEN_ERR_RULE_DUPLICATE_ID: 'Two rules share one id',
  KAMEN_ERR_RULE_UNKNOWN_ID: 'A rule id given to disable does not exist',
  KAMEN_ERR_RULE_EXAMPLE: 'A rule example does not behave as the rule file says',
  KAMEN_ERR_DATA_FILE: 'A dictionary data file cannot be read',
  KAMEN_ERR_FIELD_FILE: 'A field (header) dictionary file cannot be read or parsed',
  KAMEN_ERR_FIELD_SCHEMA: 'A field dictionary does not match rules/fields.schema.json, or maps one header to two types',
  KAMEN_ERR_OPERATOR_PARAMS: 'Operator parameters in a policy are invalid for the operator or entity',
  KAMEN_ERR_POLICY_FILE: 'A policy file cannot be read or parsed',
  KAMEN_ERR_POLICY_SCHEMA: 'A policy does not match the policy JSON Schema',
  KAMEN_ERR_POLICY_UNKNOWN_OPERATOR: 'A policy names an operator that does not exist',
  KAMEN_ERR_POLICY_UNSAFE: 'A policy asks for an unsafe transformation (unkeyed hash of an identifier, KM-01)',
  KAMEN_ERR_MASK_FAILED: 'Masking a value failed; nothing was returned (fail closed)',
  KAMEN_ERR_OPERATOR_UNKNOWN: 'No operator has this name',
  KAMEN_ERR_KEY_FILE: 'A key file or key variable cannot be read, parsed or written',
  KAMEN_ERR_KEY_PERMISSIONS: 'A key file is a symlink, not owned by the current user, or readable/writable by others',
  KAMEN_ERR_KEY_UNKNOWN: 'A key id is not on the key ring',
  KAMEN_ERR_KEY_REQUIRED: 'A keyed operator was configured or applied without a key',
  KAMEN_ERR_FPE_DOMAIN: 'A value or entity is outside the format-preserving encryption domain (fewer than 10^6 values)',
  KAMEN_ERR_REVEAL_TAMPERED:
    'A token or FPE value fails authentication or its check digit: it was altered or never issued',
  KAMEN_ERR_REVEAL_IRREVERSIBLE:
    'The value comes from an irreversible operator (hash, mask, redact) and cannot be revealed',
  KAMEN_ERR_INPUT_JSON: 'JSON or NDJSON input is malformed or truncated',
  KAMEN_ERR_INPUT_CSV: 'CSV or TSV input is malformed (unbalanced quote, ragged row, stray quote)',
  KAMEN_ERR_INPUT_XML: 'XML input is malformed, truncated, or has a DOCTYPE (never allowed)',
  KAMEN_ERR_INPUT_LIMIT: 'Input exceeds a format limit (depth, string length, keys, record size)',
  KAMEN_ERR_INPUT_ENCODING: 'Input bytes are not valid in the input encoding (never replaced with U+FFFD)',
  KAMEN_ERR_OUTPUT_ENCODING: 'A character cannot be written in the output encoding',
} as const;

export type CoreErrorCode = keyof typeof CORE_ERRORS;

const kKamenError = Symbol.for('kamen.error');

/** Where an error happened: file, rule, field, line/column, record number, JSON path. */
export interface ErrorContext {
  readonly file?: string;
  readonly ruleId?: string;
  readonly field?: string;
  readonly line?: number;
  readonly column?: number;
  readonly record?: number;
  readonly path?: string;
}

/** Base class of every kamen error. `instanceof` works across two loaded copies of the package. */
export class KamenError extends Error {
  readonly code: string;
  readonly context: ErrorContext;

  constructor(code: string, message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(formatMessage(message, context), options);
    this.name = 'KamenError';
    this.code = code;
    this.context = context;
    Object.defineProperty(this, kKamenError, { value: true });
  }

  static override [Symbol.hasInstance](instance: unknown): boolean {
    return (
      typeof instance === 'object' && instance !== null && (instance as Record<symbol, unknown>)[kKamenError] === true
    );
  }
}

function formatMessage(message: string, ctx: ErrorContext): string {
  const where: string[] = [];
  if (ctx.file !== undefined) {
    let loc = ctx.file;
    if (ctx.line !== undefined) loc += `:${ctx.line}${ctx.column !== undefined ? `:${ctx.column}` : ''}`;
    where.push(loc);
  }
  if (ctx.ruleId !== undefined) where.push(`rule ${ctx.ruleId}`);
  if (ctx.field !== undefined) where.push(`field ${ctx.field}`);
  if (ctx.record !== undefined) where.push(`record ${ctx.record}`);
  if (ctx.path !== undefined) where.push(`at ${ctx.path}`);
  return where.length > 0 ? `${message} (${where.join(', ')})` : message;
}

/** Builds a core error with a catalogued code. */
export function coreError(code: CoreErrorCode, detail: string, context?: ErrorContext, cause?: unknown): KamenError {
  return new KamenError(code, `${CORE_ERRORS[code]}: ${detail}`, context, cause === undefined ? undefined : { cause });
}
