import { CORE_ERRORS, KamenError, type CoreErrorCode, type ErrorContext } from '@kamen/core';

/** A KamenError with a catalogued code (docs/errors.md), built the way core builds its own. */
export function kamenError(code: CoreErrorCode, detail: string, context: ErrorContext = {}): KamenError {
  return new KamenError(code, `${CORE_ERRORS[code]}: ${detail}`, context);
}
