import { coreError, type ErrorContext, type KamenError } from '../errors.js';

/**
 * Input limits shared by the codecs (FC-08, CLI-06). Exceeding a hard limit throws KAMEN_ERR_INPUT_LIMIT: the
 * offending value is never passed to the transform or the output.
 */
export interface FormatLimits {
  /** Deepest nesting of JSON containers or XML elements (default 512). */
  readonly maxDepth?: number;
  /** Longest string leaf, JSON number, XML tag/text/comment, CSV record or text line, in UTF-16 units (default 16 MiB). */
  readonly maxStringLength?: number;
  /** Most keys in one JSON object, attributes on one XML element, or columns in one CSV row (default 100 000). */
  readonly maxKeys?: number;
  /**
   * Soft size of one record in UTF-16 units (default 1 MiB): a record that grows past it is split at the boundaries
   * of its children, so memory stays bounded whatever the shape of the input (docs/formats.md).
   */
  readonly recordChars?: number;
}

export interface ResolvedLimits {
  readonly maxDepth: number;
  readonly maxStringLength: number;
  readonly maxKeys: number;
  readonly recordChars: number;
}

export const DEFAULT_LIMITS: ResolvedLimits = Object.freeze({
  maxDepth: 512,
  maxStringLength: 16 * 1024 * 1024,
  maxKeys: 100_000,
  recordChars: 1024 * 1024,
});

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(value >= 1) || (!Number.isInteger(value) && value !== Infinity)) {
    throw coreError('KAMEN_ERR_INVALID_ARGUMENT', `format limit ${name} must be a positive integer`);
  }
  return value;
}

/** Validates limits and fills in the defaults. */
export function resolveLimits(limits: FormatLimits | undefined): ResolvedLimits {
  return {
    maxDepth: positive('maxDepth', limits?.maxDepth, DEFAULT_LIMITS.maxDepth),
    maxStringLength: positive('maxStringLength', limits?.maxStringLength, DEFAULT_LIMITS.maxStringLength),
    maxKeys: positive('maxKeys', limits?.maxKeys, DEFAULT_LIMITS.maxKeys),
    recordChars: positive('recordChars', limits?.recordChars, DEFAULT_LIMITS.recordChars),
  };
}

/** The error for an exceeded limit; `what` names the limit, never the value. */
export function limitError(what: string, limit: number, context: ErrorContext): KamenError {
  return coreError('KAMEN_ERR_INPUT_LIMIT', `${what} exceeds the limit of ${limit}`, context);
}
