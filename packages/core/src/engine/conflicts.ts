import type { ConflictStrategy, Finding } from '../types.js';
import { sortFindings } from './sort-findings.js';

const byStart = (a: Finding, b: Finding): number => a.start - b.start || b.end - a.end;
const byRank = (a: Finding, b: Finding): number =>
  b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;

/**
 * Resolves overlapping findings with a named strategy (Presidio's ConflictResolutionStrategy, adapted).
 * Output is sorted by start, then longer first.
 */
export function resolveConflicts(findings: Finding[], strategy: ConflictStrategy): Finding[] {
  if (findings.length < 2 || strategy === 'none') return sortFindings(findings, byStart);
  if (strategy === 'merge') return merge(sortFindings(findings, byStart));
  const ranked = sortFindings(findings, byRank);
  if (!allNonEmpty(ranked)) {
    const kept: Finding[] = [];
    for (const f of ranked) if (!overlapsAny(kept, f)) kept.push(f);
    return sortFindings(kept, byStart);
  }
  return keepDisjoint(ranked);
}

function allNonEmpty(findings: readonly Finding[]): boolean {
  for (const f of findings) if (!(f.start < f.end)) return false;
  return true;
}

function overlapsAny(kept: readonly Finding[], f: Finding): boolean {
  for (const k of kept) if (f.start < k.end && k.start < f.end) return true;
  return false;
}

/**
 * keep-highest over non-empty findings: each ranked finding is kept unless it overlaps one kept before it. The kept
 * ones never overlap, so held sorted by start their ends are sorted too: one binary search finds the only kept
 * finding that can overlap, and the insertion point. Their starts differ, so this order is kept.sort(byStart)'s.
 * With the insertion sort, resolveConflicts per 2 MB of mixed bench text (same process, CPU ms): keep-highest
 * 15.0 -> 9.1, merge 5.4 -> 3.4.
 */
function keepDisjoint(ranked: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const f of ranked) {
    // The first kept finding that ends after f starts.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((kept[mid] as Finding).end > f.start) hi = mid;
      else lo = mid + 1;
    }
    if (lo === kept.length) kept.push(f);
    else if (!((kept[lo] as Finding).start < f.end)) kept.splice(lo, 0, f);
  }
  return kept;
}

function merge(sorted: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && f.start < last.end) {
      const winner = f.score > last.score ? f : last;
      out[out.length - 1] = { ...winner, start: last.start, end: Math.max(last.end, f.end) };
    } else out.push(f);
  }
  return out;
}
