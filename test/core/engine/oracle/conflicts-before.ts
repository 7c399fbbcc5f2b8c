// resolveConflicts as it was before the insertion sort and the binary-searched keep-highest (517057f), kept as the
// oracle of conflicts-fast.spec.ts. Not used by the library.
import type { ConflictStrategy, Finding } from '../../../../packages/core/src/types.js';

const byStart = (a: Finding, b: Finding): number => a.start - b.start || b.end - a.end;

/**
 * Resolves overlapping findings with a named strategy (Presidio's ConflictResolutionStrategy, adapted).
 * Output is sorted by start, then longer first.
 */
export function resolveConflicts(findings: Finding[], strategy: ConflictStrategy): Finding[] {
  if (findings.length < 2 || strategy === 'none') return findings.sort(byStart);
  if (strategy === 'merge') return merge(findings.sort(byStart));
  const ranked = findings.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Finding[] = [];
  for (const f of ranked) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort(byStart);
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
