import { coreError } from '../errors.js';
import { JSON_SPECIAL } from './json-lifted.js';
import { JSON_NUMBER } from './json-numbers.js';
import { LEAF_NUMBER, scanJsonWhole } from './json-whole-scan.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import type { FormatTransformHooks, Leaf } from './types.js';

/**
 * createJsonNumbersCodec (JSON, default record depth) over a whole document in memory, for a transform with a record
 * hook only (the proxy's leaf masker): the same output byte for byte, or undefined when this path does not take the
 * document (malformed, a limit reached, too large to be read in one record pass; see json-whole-scan.ts), and the
 * caller runs the codec, which then reports the error. Records reach the hook in the same order with the same
 * leaves. What the transform left unchanged is copied from the input, in runs: structure, whitespace, numbers and
 * strings without escapes are never re-encoded, and only the changed leaves are written.
 * @public
 */
export function maskJsonWhole(
  text: string,
  options: FormatLimits,
  transform: FormatTransformHooks,
): string | undefined {
  const record = transform.record;
  if (record === undefined || transform.leaf !== undefined) return undefined;
  const scan = scanJsonWhole(text, resolveLimits(options));
  if (scan === undefined) return undefined;
  const { leaves, originals, starts, ends, flags, recordEnds, recordNumbers } = scan;
  for (let r = 0, from = 0; r < recordEnds.length; r++) {
    const to = recordEnds[r] as number;
    if (to === from) continue;
    const unit = recordNumbers[r] as number;
    record(leaves.slice(from, to), unit);
    for (let k = from; k < to; k++) {
      // Fail closed as applyTransform does: a transform that returns anything but a string stops the body.
      if (typeof (leaves[k] as Leaf).value !== 'string') {
        throw coreError('KAMEN_ERR_MASK_FAILED', 'a format transform returned a non-string value', { record: unit });
      }
    }
    from = to;
  }
  let out = '';
  let copied = 0; // the input up to here is written
  for (let k = 0; k < leaves.length; k++) {
    const value = (leaves[k] as Leaf).value;
    const flag = flags[k] as number;
    // Unchanged, and its text is its value (a number, or a string without escapes): left in the run being copied.
    if (value === originals[k] && flag !== 0) continue;
    out += text.slice(copied, starts[k]);
    copied = ends[k] as number;
    // As encodeJsonWithNumbers: a number still numeric is written bare, any other value as a JSON string.
    if (flag === LEAF_NUMBER && JSON_NUMBER.test(value)) out += value;
    else if (JSON_SPECIAL.test(value)) out += JSON.stringify(value);
    else out += `"${value}"`;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
