import type { RuleDefinition } from '../rules/rule.js';
import { normalizeText } from '../text/normalize.js';
import type { NegativeContextSpec } from './detector.js';
import { compileContextMatcher } from './context.js';

/** Default veto window: a label such as 注文番号： or 追跡番号 sits right before the number it names. */
export const DEFAULT_NEGATIVE_CONTEXT = { before: 16, after: 0 } as const;

export function negativeContextSpecOf(rule: Pick<RuleDefinition, 'negativeContext'>): NegativeContextSpec | undefined {
  const c = rule.negativeContext;
  if (c === undefined) return undefined;
  return {
    // Matched against the normalised copy, like context words.
    words: c.words.map((w) => normalizeText(w).text),
    before: c.before ?? DEFAULT_NEGATIVE_CONTEXT.before,
    after: c.after ?? DEFAULT_NEGATIVE_CONTEXT.after,
  };
}

/** One case-insensitive alternation of the veto words, compiled once per detector. */
export function compileNegativeMatcher(spec: NegativeContextSpec): RegExp {
  return compileContextMatcher({ ...spec, boost: 0 });
}

function hasMatch(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  const found = re.exec(s) !== null;
  re.lastIndex = 0;
  return found;
}

/**
 * True when a veto word lies in the window around [start, end) of `text` and no positive context word sits
 * between it and the candidate. "注文番号 1234 5678 9018" is vetoed; "注文番号ではなく個人番号 1234 5678 9018" is not,
 * because the nearest label is the positive one.
 */
export function isVetoed(
  negative: RegExp,
  spec: NegativeContextSpec,
  positive: RegExp | undefined,
  text: string,
  start: number,
  end: number,
): boolean {
  if (spec.before > 0) {
    const from = Math.max(0, start - spec.before);
    const window = text.slice(from, start);
    negative.lastIndex = 0;
    let lastEnd = -1;
    let m: RegExpExecArray | null;
    while ((m = negative.exec(window)) !== null) lastEnd = m.index + m[0].length;
    if (lastEnd >= 0 && (positive === undefined || !hasMatch(positive, window.slice(lastEnd)))) return true;
  }
  if (spec.after > 0) {
    const window = text.slice(end, end + spec.after);
    negative.lastIndex = 0;
    const m = negative.exec(window);
    negative.lastIndex = 0;
    if (m !== null && (positive === undefined || !hasMatch(positive, window.slice(0, m.index)))) return true;
  }
  return false;
}
