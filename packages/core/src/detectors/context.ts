import type { RuleDefinition } from '../rules/rule.js';
import { normalizeText } from '../text/normalize.js';
import type { ContextSpec } from './detector.js';

/** Context defaults (Presidio's enhancer uses a similar +0.35 boost). */
export const DEFAULT_CONTEXT = { before: 30, after: 0, boost: 0.35 } as const;

export function contextSpecOf(rule: Pick<RuleDefinition, 'context'>): ContextSpec | undefined {
  const c = rule.context;
  if (c === undefined) return undefined;
  return {
    // Words are matched against the normalised copy, so normalise them the same way.
    words: c.words.map((w) => normalizeText(w).text),
    before: c.before ?? DEFAULT_CONTEXT.before,
    after: c.after ?? DEFAULT_CONTEXT.after,
    boost: c.boost ?? DEFAULT_CONTEXT.boost,
  };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation per context spec, compiled once. Longest words first so explanations name the full word. */
export function compileContextMatcher(spec: ContextSpec): RegExp {
  const words = [...new Set(spec.words)].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(words.join('|'), 'gi');
}

/** Context words found in the window around [start, end) of `text`. */
export function findContextWords(re: RegExp, spec: ContextSpec, text: string, start: number, end: number): string[] {
  const windows = [text.slice(Math.max(0, start - spec.before), start)];
  if (spec.after > 0) windows.push(text.slice(end, end + spec.after));
  const found: string[] = [];
  for (const w of windows) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(w)) !== null) found.push(m[0]);
  }
  return found;
}

/** True when findContextWords would find at least one word (without collecting them). */
export function hasContextWord(re: RegExp, spec: ContextSpec, text: string, start: number, end: number): boolean {
  re.lastIndex = 0;
  let found = re.test(text.slice(Math.max(0, start - spec.before), start));
  re.lastIndex = 0;
  if (!found && spec.after > 0) {
    found = re.test(text.slice(end, end + spec.after));
    re.lastIndex = 0;
  }
  return found;
}
