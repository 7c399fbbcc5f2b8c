import { coreError } from '../errors.js';
import type { RuleDefinition } from '../rules/rule.js';
import { VALIDATORS, isValidatorName, type Validator } from '../validators/registry.js';
import type { Candidate, Detector } from './detector.js';
import { contextSpecOf } from './context.js';

interface CompiledPattern {
  readonly name: string;
  readonly re: RegExp;
  readonly group: number;
  readonly score: number;
}

/** Compiles a declarative pattern rule into a detector. Regexes compile here, once. */
export function createPatternDetector(rule: RuleDefinition): Detector {
  const ctx = { file: rule.file, ruleId: rule.id };
  const patterns: CompiledPattern[] = (rule.patterns ?? []).map((p, i) => {
    let re: RegExp;
    try {
      re = new RegExp(p.regex, `g${p.flags ?? ''}${(p.flags ?? '').includes('u') ? '' : ''}`);
    } catch (cause) {
      throw coreError('KAMEN_ERR_RULE_REGEX', (cause as Error).message, { ...ctx, field: `patterns.${i}.regex` });
    }
    return { name: p.name, re, group: p.group ?? 0, score: p.score };
  });
  const validatorNames = rule.validators ?? [];
  const validators: Validator[] = validatorNames.map((name, i) => {
    if (!isValidatorName(name)) {
      throw coreError('KAMEN_ERR_RULE_UNKNOWN_VALIDATOR', name, { ...ctx, field: `validators.${i}` });
    }
    return VALIDATORS[name] as Validator;
  });

  return {
    id: rule.id,
    entity: rule.entity,
    languages: rule.languages,
    context: contextSpecOf(rule),
    minScore: rule.minScore ?? 0,
    *scan(input): Iterable<Candidate> {
      const text = input.text;
      for (const p of patterns) {
        p.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = p.re.exec(text)) !== null) {
          if (m[0].length === 0) {
            p.re.lastIndex++;
            continue;
          }
          const value = m[p.group];
          if (value === undefined) continue;
          const start = p.group === 0 ? m.index : m.index + m[0].indexOf(value);
          if (validators.every((v) => v(value))) {
            yield { start, end: start + value.length, score: p.score, pattern: p.name, validators: validatorNames };
          }
        }
      }
    },
  };
}
