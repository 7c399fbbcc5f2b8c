import type { DigitRuns } from '../text/digit-runs.js';
import { RUN_FILTERS, type RunFilter } from './run-filter.js';

const NONE: RegExpExecArray[] = [];

/** What a digit-anchored regex tries at its candidate runs (see anchoredRegex). */
export interface FilteredPlan {
  readonly filter: RunFilter;
  /** Leading digits every match starts with. */
  readonly need: number;
  /** Matches start at a run's start (or prefixMin..prefixMax before it), not anywhere in it. */
  readonly atRunStart: boolean;
  readonly prefixMin: number;
  readonly prefixMax: number;
  /** Characters a match can start with, for a prefix (prefix-first.ts). */
  readonly first: Uint8Array | undefined;
  /** Digits a match without a prefix can start with. */
  readonly firstDigit: Uint8Array | undefined;
  readonly sticky: RegExp;
  /** Sticky attempts cost about as much as the global scan over this many characters each. */
  readonly attemptCost: number;
  readonly scanAll: (text: string) => RegExpExecArray[];
}

/**
 * The matches of the global scan, tried only at the runs the plan's filter accepts (run-filter.ts): the runs the
 * per-pattern walk of anchored-regex.ts would not skip, in the same order, so the attempts are the same ones; a
 * pattern with no such run costs one look-up. When the attempts would be more than one per `attemptCost` characters,
 * the plain scan runs instead (same matches).
 */
export function filteredMatches(text: string, runs: DigitRuns, plan: FilteredPlan): RegExpExecArray[] {
  const list = RUN_FILTERS.candidateRuns(text, runs, plan.filter);
  if (list.length === 0) return NONE;
  const { need, atRunStart, prefixMin, prefixMax, first, firstDigit, sticky } = plan;
  const { starts, ends } = runs;
  let candidates = 0;
  for (let k = 0; k < list.length; k++) {
    const r = list[k] as number;
    const start = starts[r] as number;
    if (first !== undefined) {
      // Places prefixMin..prefixMax before the run holding a character a match can start with (countFirst).
      for (let p = Math.max(start - prefixMax, 0); p <= start - prefixMin; p++)
        if (first[text.charCodeAt(p)] === 1) candidates++;
    } else candidates += atRunStart ? prefixMax - prefixMin + 1 : (ends[r] as number) - start - need + 1;
  }
  if (candidates === 0) return NONE;
  if (candidates * plan.attemptCost > text.length) return plan.scanAll(text);
  let out = NONE;
  let next = 0; // where the global scan would resume
  let tried = -1; // last position attempted: a prefix range may overlap the previous run's
  for (let k = 0; k < list.length; k++) {
    const r = list[k] as number;
    const start = starts[r] as number;
    const end = atRunStart ? start - prefixMin : (ends[r] as number) - need;
    for (let p = Math.max(start - prefixMax, next, tried + 1, 0); p <= end; p++) {
      tried = p;
      if (first !== undefined && first[text.charCodeAt(p)] !== 1) continue;
      if (firstDigit !== undefined && firstDigit[text.charCodeAt(p)] !== 1) continue;
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m === null) continue;
      // A match consumes at least `need` digits, so it is never empty.
      if (out === NONE) out = [];
      out.push(m);
      next = p + m[0].length;
      p = next - 1;
    }
  }
  return out;
}
