import type { Finding } from '../types.js';

/** Sort orders of resolveConflicts: a negative, zero or positive number, as Array.prototype.sort takes. */
export type FindingOrder = (a: Finding, b: Finding) => number;

/**
 * Past this many findings Array.prototype.sort is used: insertion sort moves up to n²/4 items. A 2 KB document
 * holds ~40 findings.
 */
const INSERTION_MAX = 64;

// A comparator over finite offsets and scores is a consistent total preorder, so every stable sort gives the same
// order; a NaN or an infinity could make it inconsistent, and then only the built-in sort gives the built-in order.
function finite(findings: readonly Finding[]): boolean {
  for (const f of findings) {
    if (!Number.isFinite(f.start) || !Number.isFinite(f.end) || !Number.isFinite(f.score)) return false;
  }
  return true;
}

/**
 * `findings.sort(order)` (in place, returned), the same order: a block's findings arrive as one sorted run per
 * detector, and a stable insertion sort calling `order` directly (which the JIT inlines) beats the built-in sort's
 * calls back into JavaScript on arrays this small.
 */
export function sortFindings(findings: Finding[], order: FindingOrder): Finding[] {
  const n = findings.length;
  if (n > INSERTION_MAX || !finite(findings)) return findings.sort(order);
  for (let i = 1; i < n; i++) {
    const x = findings[i] as Finding;
    let j = i - 1;
    for (; j >= 0; j--) {
      const y = findings[j] as Finding;
      if (order(y, x) <= 0) break;
      findings[j + 1] = y;
    }
    findings[j + 1] = x;
  }
  return findings;
}
