import { getDefaultRegistry } from '../rules/registry.js';
import type { EntityType, Finding } from '../types.js';
import { prepareDetection } from './analyze.js';
import { analyzeBlocks, type Block } from './blocks.js';
import { resolveConflicts } from './conflicts.js';
import type { DetectCallOptions } from './detect.js';
import { BLOCK_SIZE, scanWhole } from './scanner.js';

/**
 * detect() for each text: `detectMany(texts, o)[i]` equals `detect(texts[i], o)` (same findings, same order), found
 * faster for many short texts (cells, values, messages): they are scanned detector by detector (blocks.ts). Never
 * throws on any strings.
 * @public
 */
export function detectMany(texts: readonly string[], options: DetectCallOptions = {}): Finding[][] {
  const registry = options.registry ?? getDefaultRegistry();
  const prep = prepareDetection(registry.detectors, options);
  const wanted = options.entities ? new Set<EntityType>(options.entities) : undefined;
  const strategy = options.conflicts ?? 'keep-highest';
  const out: Finding[][] = new Array<Finding[]>(texts.length);
  const index: number[] = [];
  const blocks: Block[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    // A text of one block is that block; a longer one goes through the scanner, as detect() sends it.
    if (text.length === 0 || text.length > BLOCK_SIZE) out[i] = scanWhole(registry, options, text);
    else {
      index.push(i);
      blocks.push({ text, prefix: 0, shift: 0 });
    }
  }
  const found = analyzeBlocks(blocks, prep, wanted);
  for (let j = 0; j < found.length; j++) out[index[j] as number] = resolveConflicts(found[j] as Finding[], strategy);
  return out;
}
