import { classifyField, liftJsonNumbers, type FieldType, type Leaf, type RecordUnit } from '@kamen/core';
import type { RecordSource } from '../io/index.js';

/** How one column / path was decided from the sample: plain data, sent to every worker. */
export interface FieldDecision {
  /** The classified type, or null: scanned as free text. */
  readonly type: FieldType | null;
  readonly confidence: number;
  readonly source: 'name' | 'values' | 'name+values' | 'none';
  /** Non-empty sample values seen (how much evidence there was). */
  readonly samples: number;
}

export type FieldDecisions = Readonly<Record<string, FieldDecision>>;

/** Leaf kinds that carry a field's values (keys and comments are scanned as free text, never typed). */
export const VALUE_KINDS: ReadonlySet<Leaf['kind']> = new Set(['value', 'cell', 'text', 'cdata', 'attribute']);

/** Values per field handed to classifyField: enough to see a pattern, few enough to stay fast. */
const MAX_SAMPLES = 30;

/** The name classifyField reads for a field: JSON wildcards and the root marker are path syntax, not words. */
export function fieldName(field: string): string {
  return field.replace(/\[\*\]/gu, '');
}

/** Each sampled field's non-empty values (at most MAX_SAMPLES), in the order fields first appear. */
export type SampleValues = readonly (readonly [field: string, values: readonly string[]])[];

/** The values classifyField will read, collected from the sample: plain data, cheap to send to a worker. */
export function sampleValues(sample: readonly RecordUnit[]): SampleValues {
  const values = new Map<string, string[]>();
  for (const unit of sample) {
    for (const leaf of unit.leaves) {
      if (!VALUE_KINDS.has(leaf.kind) || leaf.field === '') continue;
      let list = values.get(leaf.field);
      if (list === undefined) values.set(leaf.field, (list = []));
      if (list.length < MAX_SAMPLES && leaf.value.trim() !== '') list.push(leaf.value);
    }
  }
  return [...values];
}

/**
 * Decides every sampled field ONCE per stream, from its name and values (classifyField; value evidence runs
 * detection, so this loads the rules and dictionaries: with workers, one of them decides). Workers only look
 * decisions up, so every record of a stream — and every shard of it, given the same sample — is masked the same way.
 * Fields first seen after the sample are decided by name alone.
 */
export function decideValues(values: SampleValues): Record<string, FieldDecision> {
  const out: Record<string, FieldDecision> = {};
  for (const [field, list] of values) out[field] = decideField(field, list);
  return out;
}

/** decideValues of the sample's values, in this thread. */
export function decideFields(sample: readonly RecordUnit[]): Record<string, FieldDecision> {
  return decideValues(sampleValues(sample));
}

export function decideField(field: string, samples: readonly string[]): FieldDecision {
  const c = classifyField(fieldName(field), samples);
  return c === undefined || c === null
    ? { type: null, confidence: 0, source: 'none', samples: samples.length }
    : { type: c.type, confidence: c.confidence, source: c.source, samples: samples.length };
}

/** The sample as the masker will see it: JSON member numbers lifted into leaves (on a copy: the sample is masked later). */
export function sampleForDecisions(source: Pick<RecordSource, 'spec' | 'sample'>): readonly RecordUnit[] {
  if (source.spec.format !== 'json' && source.spec.format !== 'ndjson') return source.sample;
  const copy = structuredClone(source.sample) as RecordUnit[];
  liftJsonNumbers(copy);
  return copy;
}
