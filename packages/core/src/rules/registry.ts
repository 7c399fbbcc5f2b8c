import { coreError } from '../errors.js';
import { RULES_DIR } from '../paths.js';
import type { Detector } from '../detectors/detector.js';
import { createPatternDetector } from '../detectors/pattern-detector.js';
import { PREDEFINED_DETECTORS } from '../detectors/predefined.js';
import type { RuleDefinition } from './rule.js';
import { loadRules } from './load-rules.js';

export interface RegistryOptions {
  /** Extra rule files or folders, loaded after the built-in ones. */
  readonly ruleFiles?: readonly string[];
  /** Rule ids to switch off. Unknown ids are an error, so a typo cannot silently keep a rule on. */
  readonly disable?: readonly string[];
  /** Leave out the built-in rules/ folder (tests, or a fully custom rule set). */
  readonly builtins?: boolean;
}

/** The compiled set of detectors. Build once per process (or worker) and reuse. */
export interface Registry {
  readonly rules: readonly RuleDefinition[];
  readonly detectors: readonly Detector[];
}

/** Compiles one rule into its detector. */
export function compileRule(rule: RuleDefinition): Detector {
  if (rule.detector === undefined) return createPatternDetector(rule);
  const factory = PREDEFINED_DETECTORS[rule.detector];
  if (factory === undefined) {
    throw coreError('KAMEN_ERR_RULE_UNKNOWN_DETECTOR', rule.detector, {
      file: rule.file,
      ruleId: rule.id,
      field: 'detector',
    });
  }
  return factory(rule);
}

/** Loads, validates and compiles rules into a registry. */
export function createRegistry(options: RegistryOptions = {}): Registry {
  const sources = [...(options.builtins === false ? [] : [RULES_DIR]), ...(options.ruleFiles ?? [])];
  const all = loadRules(sources);
  const disabled = new Set(options.disable ?? []);
  for (const id of disabled) {
    if (!all.some((r) => r.id === id)) throw coreError('KAMEN_ERR_RULE_UNKNOWN_ID', id, { ruleId: id });
  }
  const rules = all.filter((r) => r.enabled !== false && !disabled.has(r.id));
  return { rules, detectors: rules.map(compileRule) };
}

let defaultRegistry: Registry | undefined;

/** The registry of built-in rules, compiled on first use. */
export function getDefaultRegistry(): Registry {
  defaultRegistry ??= createRegistry();
  return defaultRegistry;
}
