import type { Candidate } from '../detectors/detector.js';
import { normalizeText, type NormalizedText } from '../text/normalize.js';
import type { EntityType, Finding } from '../types.js';
import { findingsOf, type PreparedDetection } from './analyze.js';

/** One block to analyse: `prefix` leading characters are context only; offsets come back shifted by `shift`. */
export interface Block {
  readonly text: string;
  readonly prefix: number;
  readonly shift: number;
}

/**
 * Blocks analysed together, detector by detector. Running one detector over many blocks in a row keeps its regexes
 * and code hot; running ~25 detectors with ~60 regexes over each block in turn costs about a third more CPU
 * (bench/detect.ts, mixed HR documents). Large enough for that, small enough that the candidates held meanwhile
 * stay small.
 */
export const BATCH_SIZE = 64;

/**
 * analyzeBlock() for each block, in order: the same findings, found detector by detector over up to BATCH_SIZE
 * blocks at a time.
 */
export function analyzeBlocks(
  blocks: readonly Block[],
  prep: PreparedDetection,
  wanted: ReadonlySet<EntityType> | undefined,
): Finding[][] {
  const out: Finding[][] = [];
  const detectors = prep.detectors;
  for (let from = 0; from < blocks.length; from += BATCH_SIZE) {
    const batch = blocks.slice(from, from + BATCH_SIZE);
    const norms: NormalizedText[] = batch.map((b) => normalizeText(b.text));
    const scanned = norms.map(() => new Array<readonly Candidate[]>(detectors.length));
    for (let d = 0; d < detectors.length; d++) {
      const det = (detectors[d] as (typeof detectors)[number]).detector;
      for (let j = 0; j < norms.length; j++) {
        // A generator is drained now: its candidates are read after the other detectors have run.
        const found = det.scan(norms[j] as NormalizedText);
        (scanned[j] as (readonly Candidate[])[])[d] = Array.isArray(found) ? found : [...found];
      }
    }
    for (let j = 0; j < norms.length; j++) {
      const b = batch[j] as Block;
      out.push(findingsOf(norms[j] as NormalizedText, b.prefix, prep, wanted, b.shift, scanned[j]));
    }
  }
  return out;
}
