import type { Leaf, RecordUnit } from './types.js';

/**
 * JSON numbers are verbatim pieces in core's records (only strings are leaves), so a My Number or an account
 * number written as a number would pass unmasked. Before masking, every number that is the value of an object
 * member is lifted into a leaf of that member's path; after masking, an unchanged number goes back verbatim (same
 * bytes), a masked one is written as a number when it still is one (FPE digits) and as a string otherwise
 * ('************'). Numbers inside arrays of numbers stay pieces: they have no field of their own to decide on.
 */

// ": 123" at the start of the piece after a key, ending before the next member, the object's or array's end.
const MEMBER_NUMBER = /^(\s*:\s*)(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?)(?=\s*[,}\]]|\s*$)/iu;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?$/iu;

/** The lifted leaves of one batch, with the number text each replaced. */
export type LiftedNumbers = Map<Leaf, string>;

export function liftJsonNumbers(units: readonly RecordUnit[]): LiftedNumbers {
  const lifted: LiftedNumbers = new Map();
  for (const unit of units) {
    const { pieces, leaves } = unit;
    for (let j = leaves.length - 1; j >= 0; j--) {
      const key = leaves[j] as Leaf;
      if (key.kind !== 'key') continue;
      const m = MEMBER_NUMBER.exec(pieces[j + 1] as string);
      if (m === null) continue;
      const [whole, colon, number] = m as unknown as [string, string, string];
      const leaf: Leaf = { value: number, path: key.path, field: key.field, kind: 'value', record: key.record };
      const after = (pieces[j + 1] as string).slice(whole.length);
      pieces.splice(j + 1, 1, colon, after);
      leaves.splice(j + 1, 0, leaf);
      lifted.set(leaf, number);
    }
  }
  return lifted;
}

/** Puts unchanged numbers back verbatim and masked numeric results back as numbers. */
export function lowerJsonNumbers(units: readonly RecordUnit[], lifted: LiftedNumbers): void {
  if (lifted.size === 0) return;
  for (const unit of units) {
    const { pieces, leaves } = unit;
    for (let i = leaves.length - 1; i >= 0; i--) {
      const leaf = leaves[i] as Leaf;
      const original = lifted.get(leaf);
      if (original === undefined) continue;
      if (leaf.value !== original && !JSON_NUMBER.test(leaf.value)) continue; // written as a JSON string
      pieces.splice(i, 2, (pieces[i] as string) + leaf.value + (pieces[i + 1] as string));
      leaves.splice(i, 1);
    }
  }
}
