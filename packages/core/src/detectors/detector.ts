import type { EntityType, Language } from '../types.js';
import type { NormalizedText } from '../text/normalize.js';

/** A raw hit in NORMALISED coordinates, before context scoring and offset mapping. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly score: number;
  /** Name of the pattern or strategy that produced the hit (for explanations). */
  readonly pattern: string;
  /** Overrides the detector's entity type (e.g. a name detector emitting NAME_KANA). */
  readonly type?: EntityType;
  /** Validators that passed. */
  readonly validators?: readonly string[];
  /** Set when the detector already applied its own context logic; the engine then adds no boost. */
  readonly contextApplied?: boolean;
}

/** Context words that raise a candidate's score when found near it. */
export interface ContextSpec {
  readonly words: readonly string[];
  /** Characters searched before the candidate. */
  readonly before: number;
  /** Characters searched after the candidate. */
  readonly after: number;
  /** Added to the score when a word is found (capped at 1). */
  readonly boost: number;
}

/** Words that veto a candidate: the nearest label wins, so a context word between the two keeps it. */
export interface NegativeContextSpec {
  readonly words: readonly string[];
  readonly before: number;
  readonly after: number;
}

/**
 * A detector is a small data object with one scan function (Presidio's recognizer, minus the class).
 * It reads the normalised text and yields candidates; the engine does context, thresholds, offsets, overlaps.
 * @public
 */
export interface Detector {
  readonly id: string;
  readonly entity: EntityType;
  readonly languages: readonly Language[];
  readonly context: ContextSpec | undefined;
  /** Optional veto words (order numbers, tracking numbers, 事業所番号 …); checked by the engine. */
  readonly negativeContext?: NegativeContextSpec | undefined;
  /** Score a candidate must reach (after context) to be reported; overrides the call's threshold when higher. */
  readonly minScore: number;
  scan(input: NormalizedText): Iterable<Candidate>;
}

/** Shared and frozen: what a scan() returns when it finds nothing (most calls). */
export const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);
