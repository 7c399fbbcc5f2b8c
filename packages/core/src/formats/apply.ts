import { coreError } from '../errors.js';
import type { LeafTransform, RecordTransform, RecordUnit, FormatTransform } from './types.js';

interface Hooks {
  readonly leaf: LeafTransform | undefined;
  readonly record: RecordTransform | undefined;
}

function hooksOf(transform: FormatTransform): Hooks {
  if (typeof transform === 'function') return { leaf: transform, record: undefined };
  return { leaf: transform.leaf, record: transform.record };
}

function checked(value: unknown, unit: RecordUnit): string {
  // Fail closed (FC-04): a transform that returns anything but a string stops the stream.
  if (typeof value !== 'string') {
    throw coreError('KAMEN_ERR_MASK_FAILED', 'a format transform returned a non-string value', {
      record: unit.record,
    });
  }
  return value;
}

/**
 * Applies a transform to records in place: the record hook first (all leaves of a record together), then the leaf
 * transform on every leaf exactly once. Runs wherever the records are: in the codec, or in a worker on a batch.
 * @public
 */
export function applyTransform(units: readonly RecordUnit[], transform: FormatTransform): void {
  const { leaf, record } = hooksOf(transform);
  for (const unit of units) {
    if (record !== undefined && unit.leaves.length > 0) {
      record(unit.leaves, unit.record);
      for (const l of unit.leaves) checked(l.value, unit);
    }
    if (leaf !== undefined) {
      for (const l of unit.leaves) l.value = checked(leaf(l.value, l), unit);
    }
  }
}
