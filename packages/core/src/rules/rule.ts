import type { EntityType, Language } from '../types.js';

/** One pattern of a pattern rule, as written in YAML. */
export interface PatternDefinition {
  readonly name: string;
  readonly regex: string;
  readonly flags?: string;
  readonly group?: number;
  readonly score: number;
  /** Validators for this pattern only (the rule's `validators` apply to every pattern). */
  readonly validators?: readonly string[];
}

export type RuleExample = string | { readonly text: string; readonly expect?: readonly string[] };

/** A rule as loaded from a rule file, after schema validation. */
export interface RuleDefinition {
  readonly id: string;
  readonly entity: EntityType;
  readonly languages: readonly Language[];
  readonly description: string;
  readonly enabled?: boolean;
  readonly detector?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly patterns?: readonly PatternDefinition[];
  readonly validators?: readonly string[];
  readonly context?: {
    readonly words: readonly string[];
    readonly before?: number;
    readonly after?: number;
    readonly boost?: number;
  };
  /** Words that veto a nearby candidate unless a context word sits between them and it. */
  readonly negativeContext?: {
    readonly words: readonly string[];
    readonly before?: number;
    readonly after?: number;
  };
  readonly minScore?: number;
  readonly examples: { readonly match: readonly RuleExample[]; readonly noMatch: readonly RuleExample[] };
  /** File the rule came from (set by the loader). */
  readonly file: string;
}
