import type { Registry } from '../rules/registry.js';
import type { DetectOptions, EntityType, Finding } from '../types.js';
import { analyzeBlock, prepareDetection } from './analyze.js';
import { analyzeBlocks, type Block } from './blocks.js';
import { resolveConflicts } from './conflicts.js';

/** Blocks end at the last line break within this many characters (content-determined, never chunk-determined). */
export const BLOCK_SIZE = 4096;
/** Characters of the previous block kept as context for the next one (never as findings). */
export const CONTEXT_CARRY = 64;
/** A line longer than a block is cut at the last space or punctuation in this tail of the block. */
const CUT_SEARCH = 512;

/**
 * Streaming detector: feed text in any chunking, get the same findings as one call on the whole text
 * (offsets are global, into the concatenated input). Pure: no Node streams, no I/O.
 * @public
 */
export interface Scanner {
  /** Adds text; returns findings for every block completed so far. */
  write(chunk: string): Finding[];
  /** Flushes the last block. The scanner cannot be written after this. */
  end(): Finding[];
}

// Where a line longer than a block may be cut: sentence and clause ends first, because a space can sit inside an
// entity (山田 太郎, 1234 5678 9018); plain whitespace only when no punctuation is near.
function isStrongCut(c: number): boolean {
  return c === 0x3002 || c === 0x3001 || c === 0xff0c || c === 0xff0e || c === 0x3b || c === 0x21 || c === 0x3f;
}
function isWeakCut(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x2c;
}

/** Length of the next block at the start of `buf`, or -1 when more input is needed to decide. */
function nextBlockLength(buf: string, from: number, final: boolean): number {
  const remaining = buf.length - from;
  if (remaining <= BLOCK_SIZE) {
    if (final) return remaining;
    // Not enough text to know where this block ends.
    return -1;
  }
  // Search only inside this block: lastIndexOf would scan back to the start of the buffer on every block of a
  // text without line breaks (quadratic on a 10 MB single-line input).
  for (let i = from + BLOCK_SIZE - 1; i >= from; i--) if (buf.charCodeAt(i) === 0x0a) return i + 1 - from;
  for (const isCut of [isStrongCut, isWeakCut]) {
    for (let i = from + BLOCK_SIZE - 1; i >= from + BLOCK_SIZE - CUT_SEARCH; i--) {
      if (isCut(buf.charCodeAt(i))) return i + 1 - from;
    }
  }
  let len = BLOCK_SIZE;
  const last = buf.charCodeAt(from + len - 1);
  if (last >= 0xd800 && last <= 0xdbff) len--; // never split a surrogate pair
  return len;
}

export function createScanner(registry: Registry, options: DetectOptions = {}): Scanner {
  const prep = prepareDetection(registry.detectors, options);
  const wanted = options.entities ? new Set<EntityType>(options.entities) : undefined;
  const strategy = options.conflicts ?? 'keep-highest';
  let buf = '';
  let pos = 0; // start of unprocessed text in buf
  let base = 0; // global offset of buf[0]
  let ended = false;

  const run = (final: boolean): Finding[] => {
    const out: Finding[] = [];
    const blocks: Block[] = [];
    for (;;) {
      const len = nextBlockLength(buf, pos, final);
      if (len <= 0) break;
      const ctxStart = Math.max(0, pos - CONTEXT_CARRY);
      // Findings come back in global offsets; overlap resolution does not depend on where offsets start.
      blocks.push({ text: buf.slice(ctxStart, pos + len), prefix: pos - ctxStart, shift: base + ctxStart });
      pos += len;
    }
    // Every block completed by this write is analysed detector by detector (blocks.ts); one alone, directly.
    const only = blocks.length === 1 ? (blocks[0] as Block) : undefined;
    const found =
      only !== undefined
        ? [analyzeBlock(only.text, only.prefix, prep, wanted, only.shift)]
        : analyzeBlocks(blocks, prep, wanted);
    for (const f of found) for (const x of resolveConflicts(f, strategy)) out.push(x);
    // Drop consumed text but keep the context carry.
    const keepFrom = Math.max(0, pos - CONTEXT_CARRY);
    if (keepFrom > 0) {
      buf = buf.slice(keepFrom);
      base += keepFrom;
      pos -= keepFrom;
    }
    return out;
  };

  return {
    write(chunk) {
      if (ended) throw new Error('kamen scanner: write after end');
      buf += chunk;
      return run(false);
    },
    end() {
      if (ended) return [];
      ended = true;
      return run(true);
    },
  };
}

/**
 * Findings of `text` as one whole input: the same as writing it to a new scanner and ending it. A text no longer
 * than a block is that scanner's only block, so it is analysed directly, without the scanner's buffer and closures
 * (detect() runs once per cell on millions of short cells).
 */
export function scanWhole(registry: Registry, options: DetectOptions, text: string): Finding[] {
  if (text.length > BLOCK_SIZE) {
    const scanner = createScanner(registry, options);
    const first = scanner.write(text);
    const rest = scanner.end();
    return rest.length === 0 ? first : first.concat(rest);
  }
  if (text.length === 0) return [];
  const prep = prepareDetection(registry.detectors, options);
  const wanted = options.entities ? new Set<EntityType>(options.entities) : undefined;
  return resolveConflicts(analyzeBlock(text, 0, prep, wanted, 0), options.conflicts ?? 'keep-highest');
}
