/**
 * Public data types of the detection engine.
 * @public
 */

/** Every entity type kamen knows. Each has at least one rule in rules/ and a page in docs/entities.md. */
export const ENTITY_TYPES = [
  'PERSON_NAME',
  'NAME_KANA',
  'EMAIL',
  'PHONE',
  'MY_NUMBER',
  'CORPORATE_NUMBER',
  'POSTAL_CODE',
  'ADDRESS',
  'DATE_OF_BIRTH',
  'PENSION_NUMBER',
  'EMPLOYMENT_INSURANCE_NUMBER',
  'HEALTH_INSURANCE_NUMBER',
  'DRIVERS_LICENSE',
  'PASSPORT',
  'RESIDENCE_CARD',
  'BANK_ACCOUNT',
  'CREDIT_CARD',
  'IP_ADDRESS',
  'US_SSN',
  'IBAN',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** Types that classifyField may return in addition to entity types: fields that are personal but not matched in free text. */
export const FIELD_ONLY_TYPES = [
  'EMPLOYEE_ID',
  'GENDER',
  'NATIONALITY',
  'SALARY',
  'SENSITIVE', // 要配慮個人情報: 病歴, 健康診断, 障害, 犯罪歴 …
  'FREE_TEXT', // 備考, memo: no single type, scan with detect()
] as const;

export type FieldOnlyType = (typeof FIELD_ONLY_TYPES)[number];
export type FieldType = EntityType | FieldOnlyType;

export type Language = 'ja' | 'en';

/** Why a finding got its score: which rule, which pattern, which context words raised it. */
export interface Explanation {
  readonly ruleId: string;
  readonly pattern: string;
  readonly baseScore: number;
  readonly contextWords: readonly string[];
  readonly contextBoost: number;
  readonly validators: readonly string[];
}

/** One detected entity. Offsets are UTF-16 indices into the ORIGINAL text, end exclusive. */
export interface Finding {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly ruleId: string;
  readonly explanation?: Explanation;
}

/** How overlapping findings are resolved. */
export type ConflictStrategy =
  /** Highest score wins; on a tie the longer span, then the earlier one. Losers that overlap a winner are dropped. */
  | 'keep-highest'
  /** Overlapping findings are merged into one span typed after the highest-scoring member (safest for masking). */
  | 'merge'
  /** Every finding is returned, overlaps included. */
  | 'none';

export interface DetectOptions {
  /** Only these entity types (default: all). */
  readonly entities?: readonly EntityType[];
  /** Minimum score to report (default 0.5). */
  readonly threshold?: number;
  /** Overlap resolution (default 'keep-highest'). */
  readonly conflicts?: ConflictStrategy;
  /** Attach an Explanation to each finding. */
  readonly explain?: boolean;
}
