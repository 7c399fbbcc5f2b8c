import type { Detector } from '../detectors/detector.js';
import { compileContextMatcher, findContextWords } from '../detectors/context.js';
import { compileNegativeMatcher, isVetoed } from '../detectors/negative-context.js';
import { normalizeText } from '../text/normalize.js';
import type { DetectOptions, EntityType, Finding } from '../types.js';

/** Options resolved once per scanner, so the per-block loop does no option handling. */
export interface PreparedDetection {
  readonly detectors: readonly Detector[];
  readonly contextMatchers: ReadonlyMap<Detector, RegExp>;
  /** Veto-word matchers of the detectors that have a negative context. */
  readonly negativeMatchers: ReadonlyMap<Detector, RegExp>;
  readonly threshold: number;
  readonly explain: boolean;
}

export const DEFAULT_THRESHOLD = 0.5;

const CONTEXT_CACHE = new WeakMap<Detector, RegExp>();
const NEGATIVE_CACHE = new WeakMap<Detector, RegExp>();

export function prepareDetection(all: readonly Detector[], options: DetectOptions = {}): PreparedDetection {
  const wanted = options.entities ? new Set<EntityType>(options.entities) : undefined;
  // Name detectors emit both PERSON_NAME and NAME_KANA (a kana-only name after 氏名: is a PERSON_NAME), so asking
  // for either keeps all of them; candidates are filtered by their own type in analyzeBlock.
  const isName = (t: EntityType): boolean => t === 'PERSON_NAME' || t === 'NAME_KANA';
  const wantsNames = wanted !== undefined && (wanted.has('PERSON_NAME') || wanted.has('NAME_KANA'));
  const detectors = all.filter((d) => wanted === undefined || wanted.has(d.entity) || (wantsNames && isName(d.entity)));
  const contextMatchers = new Map<Detector, RegExp>();
  for (const d of detectors) {
    if (d.context === undefined) continue;
    // Compiled once per detector for the life of the process, not once per call.
    let re = CONTEXT_CACHE.get(d);
    if (re === undefined) CONTEXT_CACHE.set(d, (re = compileContextMatcher(d.context)));
    contextMatchers.set(d, re);
  }
  const negativeMatchers = new Map<Detector, RegExp>();
  for (const d of detectors) {
    if (d.negativeContext === undefined) continue;
    let re = NEGATIVE_CACHE.get(d);
    if (re === undefined) NEGATIVE_CACHE.set(d, (re = compileNegativeMatcher(d.negativeContext)));
    negativeMatchers.set(d, re);
  }
  return {
    detectors,
    contextMatchers,
    negativeMatchers,
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    explain: options.explain ?? false,
  };
}

/**
 * Runs every detector over one block. `prefix` characters at the start of `block` are context only:
 * findings that start there belong to the previous block and are dropped.
 * Returned offsets are relative to `block`.
 */
export function analyzeBlock(
  block: string,
  prefix: number,
  prep: PreparedDetection,
  wanted?: ReadonlySet<EntityType>,
): Finding[] {
  const norm = normalizeText(block);
  const out: Finding[] = [];
  for (const det of prep.detectors) {
    const matcher = prep.contextMatchers.get(det);
    const veto = prep.negativeMatchers.get(det);
    for (const c of det.scan(norm)) {
      const type = c.type ?? det.entity;
      if (wanted !== undefined && !wanted.has(type)) continue;
      if (veto !== undefined && det.negativeContext !== undefined) {
        if (isVetoed(veto, det.negativeContext, matcher, norm.text, c.start, c.end)) continue;
      }
      let score = c.score;
      let words: string[] = [];
      if (!c.contextApplied && matcher !== undefined && det.context !== undefined) {
        words = findContextWords(matcher, det.context, norm.text, c.start, c.end);
        if (words.length > 0) score = Math.min(1, score + det.context.boost);
      }
      if (score < prep.threshold || score < det.minScore) continue;
      const start = norm.toOriginalStart(c.start);
      if (start < prefix) continue;
      const end = norm.toOriginalEnd(c.end);
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
              contextWords: words,
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
