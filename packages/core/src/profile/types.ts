import type { FieldClassification } from '../structure/classify-field.js';
import type { EntityType, FieldType } from '../types.js';

/** What the profile needs of one finding (detect() gives more; a worker may send just this). */
export interface Detected {
  readonly type: EntityType;
  readonly score: number;
}

/** What detection found in one field's values, for one entity type. */
export interface EntityProfile {
  readonly type: EntityType;
  /** Findings of this type over all values of the field. */
  readonly findings: number;
  /** Values holding at least one finding of this type. */
  readonly values: number;
  /** Mean and highest detection score (0–1) of those findings. */
  readonly meanScore: number;
  readonly maxScore: number;
}

/** One column (CSV header), JSON field (`$.employees[*].tel`), XML path (`/r/e/@id`) or free text (`''`). */
export interface FieldProfile {
  readonly field: string;
  /** The name held PII (a JSON key that is an e-mail address): `field` shows it masked. */
  readonly nameMasked?: true;
  /** Leaf kinds seen in it (cell, value, text, attribute, cdata, comment; `key` for the object-keys pseudo-field). */
  readonly kinds: readonly string[];
  /** Values seen, and how many of them were empty or whitespace only. */
  readonly values: number;
  readonly empty: number;
  /** classifyField on the field name and a uniform sample of its values; null = not personal by name or values. */
  readonly classification: FieldClassification | null;
  /** Detected entities inside the values, most frequent first. */
  readonly entities: readonly EntityProfile[];
  /** Values with at least one finding. */
  readonly valuesWithFindings: number;
  /**
   * Values that hold PII: every non-empty value of a field classified as a personal type (that is how masking
   * treats it), else the values with findings. `piiShare` = piiValues / values (0 when there are none).
   */
  readonly piiValues: number;
  readonly piiShare: number;
  /**
   * A few example values, never raw: PII is masked with the example plan's operators (by default the built-in
   * support policy), values with no PII are reduced to their shape (漢漢 カカカ 999-9999 Aaaa).
   */
  readonly examples: readonly string[];
}

/** The profile of one input: fields in order of first appearance. */
export interface Profile {
  readonly records: number;
  readonly fields: readonly FieldProfile[];
  /** PII values per type: a classified field counts its non-empty values under its type, other fields their findings. */
  readonly totals: Readonly<Partial<Record<FieldType, number>>>;
  /**
   * Fields beyond `maxFields`: their values were counted here, not profiled (bounded memory). `fields` counts
   * distinct names up to 10 000 (a lower bound past that).
   */
  readonly overflow: { readonly fields: number; readonly values: number };
  /** Which policy and role masked the examples. */
  readonly examplesMaskedWith: { readonly policy: string; readonly role: string };
}
