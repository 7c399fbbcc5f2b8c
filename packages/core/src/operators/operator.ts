import type { FieldType } from '../types.js';
import type { KeyRing } from '../keys/keyring.js';

/**
 * What an operator knows about the value it transforms. Built by the policy layer once per field,
 * never per value; operators must not mutate it.
 */
export interface OperatorContext {
  /** What the value is (entity type from detection, or the field type from classifyField). */
  readonly entity: FieldType;
  /** Field path (CSV header, JSON path, XML path) when the value came from a structured record. */
  readonly field?: string;
  /** Tenant id, when keys or settings are per tenant. */
  readonly tenant?: string;
  /** Keys for keyed operators (hash, pseudonym, fpe, surrogate). Absent for unkeyed operators. */
  readonly keys?: KeyRing;
  /**
   * Other values of the same record, by field type, for operators that keep related fields consistent
   * (a surrogate フリガナ must be the reading of the surrogate 氏名).
   */
  readonly related?: Readonly<Partial<Record<FieldType, string>>>;
}

/**
 * A named masking strategy (Presidio's Operator): validate its parameters once at policy load,
 * then apply to many values. `apply` must never return the original value for a masking operator
 * and must be deterministic for a given key, parameters and context.
 * @public
 */
export interface Operator<P = unknown> {
  readonly name: string;
  /** True when key holders can recover the original (pseudonym, fpe). */
  readonly reversible: boolean;
  /**
   * True when `apply` reads only `entity`, `tenant` and `keys` of its context, never `field` or `related`: applyStep
   * then passes the step's own context instead of building one per value (an allocation for every typed cell).
   */
  readonly contextFree?: boolean;
  /** Checks and normalises raw parameters from a policy; throws KamenError KAMEN_ERR_OPERATOR_PARAMS. */
  validate(params: unknown, entity: FieldType): P;
  apply(value: string, params: P, ctx: OperatorContext): string;
}
