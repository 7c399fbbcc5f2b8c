import type { EntityType } from '../types.js';
import { Reservoir } from './reservoir.js';
import type { Detected, EntityProfile } from './types.js';

/** Sampled values are cut to this length: enough to classify and show, bounded memory for 16 MB cells. */
const MAX_SAMPLE_CHARS = 1000;

interface EntityCounts {
  findings: number;
  values: number;
  scoreSum: number;
  maxScore: number;
}

/**
 * A copy of `s` that shares no memory with the string it was cut from: a decoder's leaf values are slices of the
 * input chunk (about 1 MB), and a kept sample must not keep its whole chunk alive. UTF-16LE round-trips any
 * string, lone surrogates included.
 */
const detach = (s: string): string => Buffer.from(s, 'utf16le').toString('utf16le');

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Running statistics of one field: counts, detected entities, a uniform sample of its values (for classification
 * and examples) and a small sample of the values that held findings. Memory is O(sample size), never O(values).
 * @internal
 */
export class FieldStats {
  readonly kinds = new Set<string>();
  values = 0;
  empty = 0;
  withFindings = 0;
  private readonly entities = new Map<EntityType, EntityCounts>();
  readonly sample: Reservoir<string>;
  readonly flagged: Reservoir<string>;

  constructor(
    /** The field's real name (kept in memory for classification only) and the name a report may show. */
    readonly field: string,
    readonly shown: string,
    /** Object keys and XML comments: profiled by detection only, never classified as a column. */
    readonly freeTextOnly: boolean,
    sampleSize: number,
    examples: number,
    seed: number,
  ) {
    this.sample = new Reservoir(sampleSize, seed, detach);
    this.flagged = new Reservoir(examples, seed ^ 0x5bd1e995, detach);
  }

  add(kind: string, value: string, findings: readonly Detected[]): void {
    this.kinds.add(kind);
    this.values++;
    if (value.trim() === '') {
      this.empty++;
      return;
    }
    const kept = value.length > MAX_SAMPLE_CHARS ? value.slice(0, MAX_SAMPLE_CHARS) : value;
    this.sample.add(kept);
    if (findings.length === 0) return;
    this.withFindings++;
    this.flagged.add(kept);
    const seen = new Set<EntityType>();
    for (const f of findings) {
      let c = this.entities.get(f.type);
      if (c === undefined) this.entities.set(f.type, (c = { findings: 0, values: 0, scoreSum: 0, maxScore: 0 }));
      c.findings++;
      c.scoreSum += f.score;
      c.maxScore = Math.max(c.maxScore, f.score);
      if (!seen.has(f.type)) {
        seen.add(f.type);
        c.values++;
      }
    }
  }

  /** Entity profiles, most findings first (then by type name, so the order is stable). */
  entityProfiles(): EntityProfile[] {
    return [...this.entities]
      .map(([type, c]) => ({
        type,
        findings: c.findings,
        values: c.values,
        meanScore: round(c.scoreSum / c.findings),
        maxScore: round(c.maxScore),
      }))
      .sort((a, b) => b.findings - a.findings || (a.type < b.type ? -1 : 1));
  }
}
