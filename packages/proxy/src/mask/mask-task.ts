import type { FormatSpec, PackedRecords } from '@kamen/core';
import type { Decisions, RouteFields } from './field-decider.js';

/** One batch of a body's records for a mask worker (structured-clone-able; no key material, no config). */
export interface MaskTask {
  readonly role: string;
  readonly tenant: string | undefined;
  /** The route's field types, and an id that is the same for the same route (the worker caches by it). */
  readonly fields: RouteFields;
  readonly fieldsId: string;
  /** The body's decisions for the fields of this batch (each of them decided in the main thread). */
  readonly decisions: Readonly<Decisions>;
  readonly spec: FormatSpec;
  /** JSON/NDJSON: member numbers are lifted into leaves and masked too (as inline). */
  readonly jsonNumbers: boolean;
  readonly packed: PackedRecords;
}

/** The batch's masked output (UTF-8, moved back) and the counts of masked values by type. */
export interface MaskTaskResult {
  readonly bytes: Uint8Array;
  readonly counts: readonly (readonly [string, number])[];
}
