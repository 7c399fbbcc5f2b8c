import { coreError } from '../errors.js';
import type { RuleDefinition } from '../rules/rule.js';
import { digitRunsOf } from '../text/digit-runs.js';
import { VALIDATORS, isValidatorName, type Validator } from '../validators/registry.js';
import { NO_CANDIDATES, type Candidate, type Detector } from './detector.js';
import { anchoredRegex, type AnchoredRegex } from './anchored-regex.js';
import { contextSpecOf } from './context.js';
import { negativeContextSpecOf } from './negative-context.js';
import { patternBounds } from './pattern-bounds.js';
import { requiredCharOf } from './required-char.js';

interface CompiledPattern {
  readonly name: string;
  readonly re: AnchoredRegex;
  readonly group: number;
  readonly score: number;
  /** Rule validators followed by this pattern's own. */
  readonly validators: readonly Validator[];
  readonly validatorNames: readonly string[];
  /** Every match is at least this long; and holds a digit when needsDigit (pattern-bounds.ts). */
  readonly minLength: number;
  readonly needsDigit: boolean;
  /** A character every match needs in the text (required-char.ts), or undefined. */
  readonly needsChar: string | undefined;
}

function resolveValidators(
  names: readonly string[],
  ctx: { file: string; ruleId: string },
  field: string,
): Validator[] {
  return names.map((name, i) => {
    if (!isValidatorName(name)) {
      throw coreError('KAMEN_ERR_RULE_UNKNOWN_VALIDATOR', name, { ...ctx, field: `${field}.${i}` });
    }
    return VALIDATORS[name] as Validator;
  });
}

const shortPrefix = (re: AnchoredRegex): boolean =>
  re.anchor !== undefined && re.anchor.prefixMax > 0 && re.anchor.prefixMax <= 3;

function passes(validators: readonly Validator[], value: string): boolean {
  for (let i = 0; i < validators.length; i++) if (!(validators[i] as Validator)(value)) return false;
  return true;
}

/** Compiles a declarative pattern rule into a detector. Regexes compile here, once. */
export function createPatternDetector(rule: RuleDefinition): Detector {
  const ctx = { file: rule.file, ruleId: rule.id };
  const ruleValidatorNames = rule.validators ?? [];
  const ruleValidators = resolveValidators(ruleValidatorNames, ctx, 'validators');
  // Patterns of one rule with the same regex and flags (the driving licence with and without its check digit) share one
  // compiled regex, and scan() runs it once per text for both: the same matches, read by each pattern's validators.
  const compiled = new Map<string, AnchoredRegex>();
  const patterns: CompiledPattern[] = (rule.patterns ?? []).map((p, i) => {
    let re: AnchoredRegex;
    // `d` (match indices) gives a capture group's exact offset; indexOf could find an earlier equal substring.
    const flags = `${p.group ? 'd' : ''}${p.flags ?? ''}`;
    const key = `${flags}/${p.regex}`;
    try {
      re = compiled.get(key) ?? anchoredRegex(p.regex, flags);
      compiled.set(key, re);
    } catch (cause) {
      throw coreError('KAMEN_ERR_RULE_REGEX', (cause as Error).message, { ...ctx, field: `patterns.${i}.regex` });
    }
    const own = p.validators ?? [];
    const bounds = patternBounds(p.regex, p.flags ?? '');
    return {
      minLength: bounds.minLength,
      needsDigit: bounds.needsDigit,
      // A digit anchor with a prefix of at most 3 places per run (〒 ?\d{3}) already checks few places; a scan of the
      // text for the character costs more there (jp.postal_code scan(), CPU ms per 2 MB pass: ja 3.1 -> 4.4).
      needsChar: shortPrefix(re) ? undefined : requiredCharOf(p.regex, p.flags ?? ''),
      name: p.name,
      re,
      group: p.group ?? 0,
      score: p.score,
      validators: [...ruleValidators, ...resolveValidators(own, ctx, `patterns.${i}.validators`)],
      validatorNames: [...ruleValidatorNames, ...own],
    };
  });
  const single = patterns.length === 1;
  // A text shorter than every pattern's shortest match (most short cells) is not scanned at all.
  const minLength = Math.min(...patterns.map((p) => p.minLength));

  return {
    id: rule.id,
    entity: rule.entity,
    languages: rule.languages,
    context: contextSpecOf(rule),
    negativeContext: negativeContextSpecOf(rule),
    minScore: rule.minScore ?? 0,
    // An array, not a generator: this runs for every rule on every block, and most calls find nothing.
    scan(input): readonly Candidate[] {
      const text = input.text;
      if (text.length < minLength) return NO_CANDIDATES;
      const runs = digitRunsOf(input);
      // Several patterns may hit the same span (a check-digit variant scored above the plain shape);
      // only the best candidate per span is reported.
      let out: Candidate[] | undefined;
      let best: Map<number, Candidate> | undefined;
      let lastRe: AnchoredRegex | undefined;
      let lastFound: RegExpExecArray[] = [];
      for (const p of patterns) {
        if (text.length < p.minLength || (p.needsDigit && runs.count === 0)) continue;
        if (p.needsChar !== undefined && !text.includes(p.needsChar)) continue;
        // The previous pattern's matches when it ran the same regex on this text (nothing changes them in between).
        const found = p.re === lastRe ? lastFound : p.re.matches(text, runs);
        lastRe = p.re;
        lastFound = found;
        for (let k = 0; k < found.length; k++) {
          const m = found[k] as RegExpExecArray;
          const value = m[p.group];
          if (value === undefined || !passes(p.validators, value)) continue;
          const start = p.group === 0 ? m.index : (m.indices?.[p.group]?.[0] ?? m.index + m[0].indexOf(value));
          const c: Candidate = {
            start,
            end: start + value.length,
            score: p.score,
            pattern: p.name,
            validators: p.validatorNames,
          };
          if (single) {
            (out ??= []).push(c);
            continue;
          }
          // Exact key while end < 2^21 and start < 2^32: blocks are a few thousand characters.
          const key = start * 2097152 + c.end;
          const prev = (best ??= new Map()).get(key);
          if (prev === undefined || prev.score < c.score) best.set(key, c);
        }
      }
      if (best !== undefined) return [...best.values()];
      return out ?? NO_CANDIDATES;
    },
  };
}
