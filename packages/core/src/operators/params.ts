import { coreError } from '../errors.js';
import type { FieldType } from '../types.js';

/** Reads an operator's raw policy params as a plain object, refusing unknown keys (typos must not weaken masking). */
export function readParams(op: string, params: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (params === undefined || params === null) return {};
  if (typeof params !== 'object' || Array.isArray(params))
    throw coreError('KAMEN_ERR_OPERATOR_PARAMS', `${op}: params must be an object`);
  const p = params as Record<string, unknown>;
  for (const k of Object.keys(p))
    if (!allowed.includes(k)) throw coreError('KAMEN_ERR_OPERATOR_PARAMS', `${op}: unknown parameter '${k}'`);
  return p;
}

/** A non-negative integer parameter, or undefined when absent. */
export function intParam(op: string, p: Record<string, unknown>, name: string, min = 0): number | undefined {
  const v = p[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw coreError('KAMEN_ERR_OPERATOR_PARAMS', `${op}: '${name}' must be an integer ≥ ${min}`);
  return v;
}

/** Entity types whose values are short identifiers: an unkeyed hash of them is a dictionary lookup away (KM-01). */
export const SMALL_DOMAIN_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'MY_NUMBER',
  'CORPORATE_NUMBER',
  'PHONE',
  'POSTAL_CODE',
  'DATE_OF_BIRTH',
  'PENSION_NUMBER',
  'EMPLOYMENT_INSURANCE_NUMBER',
  'HEALTH_INSURANCE_NUMBER',
  'DRIVERS_LICENSE',
  'PASSPORT',
  'RESIDENCE_CARD',
  'BANK_ACCOUNT',
  'CREDIT_CARD',
  'US_SSN',
  'EMPLOYEE_ID',
  'GENDER',
  'SALARY',
]);
