import type { Candidate, Detector } from '../detectors/detector.js';
import { compileContextMatcher, findContextWords, hasContextWord } from '../detectors/context.js';
import { compileNegativeMatcher, isVetoed } from '../detectors/negative-context.js';
import { normalizeText, type NormalizedText } from '../text/normalize.js';
import type { DetectOptions, EntityType, Finding } from '../types.js';

/** One detector with its compiled context and veto matchers. */
export interface PreparedDetector {
  readonly detector: Detector;
  readonly context: RegExp | undefined;
  /** Veto-word matcher, when the detector has a negative context. */
  readonly negative: RegExp | undefined;
}

/** Options resolved once, so the per-block loop does no option handling and no map lookups. */
export interface PreparedDetection {
  readonly detectors: readonly PreparedDetector[];
  readonly threshold: number;
  readonly explain: boolean;
}

export const DEFAULT_THRESHOLD = 0.5;

const NO_WORDS: string[] = [];

const CONTEXT_CACHE = new WeakMap<Detector, RegExp>();
const NEGATIVE_CACHE = new WeakMap<Detector, RegExp>();
// detect() is called once per short text (a cell, a message): the same registry with the same options is prepared
// once, not once per call. Keyed by the registry's detector list, then by the options that shape the result.
const PREPARED = new WeakMap<readonly Detector[], Map<string, PreparedDetection>>();

let last: { readonly all: readonly Detector[]; readonly prep: PreparedDetection } | undefined;

function prepareDetector(d: Detector): PreparedDetector {
  // Matchers compile once per detector for the life of the process, not once per call.
  let context: RegExp | undefined;
  if (d.context !== undefined) {
    context = CONTEXT_CACHE.get(d);
    if (context === undefined) CONTEXT_CACHE.set(d, (context = compileContextMatcher(d.context)));
  }
  let negative: RegExp | undefined;
  if (d.negativeContext !== undefined) {
    negative = NEGATIVE_CACHE.get(d);
    if (negative === undefined) NEGATIVE_CACHE.set(d, (negative = compileNegativeMatcher(d.negativeContext)));
  }
  return { detector: d, context, negative };
}

export function prepareDetection(all: readonly Detector[], options: DetectOptions = {}): PreparedDetection {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const explain = options.explain ?? false;
  // Calls come in long runs with the same registry and options (one per cell): the last answer is checked first,
  // without building the key.
  if (options.entities === undefined && last !== undefined) {
    if (last.all === all && last.prep.threshold === threshold && last.prep.explain === explain) return last.prep;
  }
  const key = options.entities === undefined ? `${threshold}|${explain}` : undefined;
  if (key !== undefined) {
    const cached = PREPARED.get(all)?.get(key);
    if (cached !== undefined) {
      last = { all, prep: cached };
      return cached;
    }
  }
  const wanted = options.entities ? new Set<EntityType>(options.entities) : undefined;
  // Name detectors emit both PERSON_NAME and NAME_KANA (a kana-only name after 氏名: is a PERSON_NAME), so asking
  // for either keeps all of them; candidates are filtered by their own type in analyzeBlock.
  const isName = (t: EntityType): boolean => t === 'PERSON_NAME' || t === 'NAME_KANA';
  const wantsNames = wanted !== undefined && (wanted.has('PERSON_NAME') || wanted.has('NAME_KANA'));
  const detectors = all
    .filter((d) => wanted === undefined || wanted.has(d.entity) || (wantsNames && isName(d.entity)))
    .map(prepareDetector);
  const prep: PreparedDetection = { detectors, threshold, explain };
  if (key !== undefined) {
    let byOptions = PREPARED.get(all);
    if (byOptions === undefined) PREPARED.set(all, (byOptions = new Map()));
    byOptions.set(key, prep);
    last = { all, prep };
  }
  return prep;
}

/**
 * Runs every detector over one block. `prefix` characters at the start of `block` are context only:
 * findings that start there belong to the previous block and are dropped.
 * Returned offsets are relative to `block`, plus `shift`.
 */
export function analyzeBlock(
  block: string,
  prefix: number,
  prep: PreparedDetection,
  wanted?: ReadonlySet<EntityType>,
  shift = 0,
): Finding[] {
  return findingsOf(normalizeText(block), prefix, prep, wanted, shift, undefined);
}

/**
 * The findings of one normalised block from its detectors' candidates: `scanned[i]` when given (the candidates of
 * prep.detectors[i], scanned earlier, see blocks.ts), else each detector's scan() now. Same order either way.
 */
export function findingsOf(
  norm: NormalizedText,
  prefix: number,
  prep: PreparedDetection,
  wanted: ReadonlySet<EntityType> | undefined,
  shift: number,
  scanned: readonly Iterable<Candidate>[] | undefined,
): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < prep.detectors.length; i++) {
    const { detector: det, context: matcher, negative: veto } = prep.detectors[i] as PreparedDetector;
    // The score a candidate must reach; one that cannot reach it even with its context boost is dropped before
    // any window is read (most weak name-shaped candidates).
    const floor = Math.max(prep.threshold, det.minScore);
    const boost = matcher !== undefined && det.context !== undefined ? det.context.boost : 0;
    for (const c of scanned === undefined ? det.scan(norm) : (scanned[i] as Iterable<Candidate>)) {
      const type = c.type ?? det.entity;
      if (wanted !== undefined && !wanted.has(type)) continue;
      if ((c.contextApplied ? c.score : Math.max(c.score, Math.min(1, c.score + boost))) < floor) continue;
      let score = c.score;
      let words: string[] = NO_WORDS;
      if (!c.contextApplied && matcher !== undefined && det.context !== undefined) {
        // Only an explanation lists the words; otherwise whether there is one decides the boost.
        if (prep.explain) {
          words = findContextWords(matcher, det.context, norm.text, c.start, c.end);
          if (words.length > 0) score = Math.min(1, score + det.context.boost);
        } else if (hasContextWord(matcher, det.context, norm.text, c.start, c.end)) {
          score = Math.min(1, score + det.context.boost);
        }
      }
      if (score < floor) continue;
      const blockStart = norm.toOriginalStart(c.start);
      if (blockStart < prefix) continue;
      // A veto only drops a candidate, so it is asked last, after the threshold and the previous block's prefix: of
      // the ~20k veto tests per 2 MB of mixed bench text, ~3.7k were for candidates the threshold drops anyway, and
      // the ~1.1k vetoed ones now get a context test instead (findingsOf over the scanned candidates, same process,
      // alternating, median of 31: mixed 14.4 -> 13.8 ms, ja 10.8 -> 9.8, en 12.6 -> 12.1).
      if (veto !== undefined && det.negativeContext !== undefined) {
        if (isVetoed(veto, det.negativeContext, matcher, norm.text, c.start, c.end)) continue;
      }
      // Offsets leave here already shifted to the caller's coordinates: no second copy of every finding.
      const start = blockStart + shift;
      const end = norm.toOriginalEnd(c.end) + shift;
      const finding: Finding = prep.explain
        ? {
            type,
            start,
            end,
            score,
            ruleId: det.id,
            explanation: {
              ruleId: det.id,
              pattern: c.pattern,
              baseScore: c.score,
              contextWords: words.length === 0 ? [] : words,
              contextBoost: score - c.score,
              validators: c.validators ?? [],
            },
          }
        : { type, start, end, score, ruleId: det.id };
      out.push(finding);
    }
  }
  return out;
}
