import type { DigitRuns } from '../text/digit-runs.js';
import { firstPlaces } from './run-checks.js';
import { RUN_FILTERS, type RunFilter } from './run-filter.js';
import { attemptRange, newAttempts } from './sticky-attempts.js';

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
    if (first !== undefined) candidates += firstPlaces(text, start, prefixMin, prefixMax, first);
    else candidates += atRunStart ? prefixMax - prefixMin + 1 : (ends[r] as number) - start - need + 1;
  }
  if (candidates === 0) return NONE;
  if (candidates * plan.attemptCost > text.length) return plan.scanAll(text);
  const attempts = newAttempts();
  for (let k = 0; k < list.length; k++) {
    const r = list[k] as number;
    const start = starts[r] as number;
    const end = atRunStart ? start - prefixMin : (ends[r] as number) - need;
    attemptRange(text, sticky, start - prefixMax, end, first, firstDigit, attempts);
  }
  return attempts.out ?? NONE;
}
