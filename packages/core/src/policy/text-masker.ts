import { BLOCK_SIZE, createScanner } from '../engine/scanner.js';
import type { Finding } from '../types.js';
import type { Plan } from './compile.js';
import { replaceFindings } from './mask-text.js';

/**
 * Streaming maskText: write chunks in any split, read masked text in order. The concatenated output equals
 * maskText() on the whole input. Memory stays bounded by one detection block.
 * @public
 */
export interface TextMasker {
  /** Adds text; returns the masked text that is final so far (possibly ''). */
  write(chunk: string): string;
  /** Flushes and returns the rest. */
  end(): string;
}

export function createTextMasker(plan: Plan): TextMasker {
  const scanner = createScanner(plan.registry, { conflicts: 'merge' });
  let pending = ''; // input not yet emitted
  let base = 0; // global offset of pending[0]
  let total = 0;
  let findings: Finding[] = [];

  const emit = (upTo: number): string => {
    // The scanner keeps at most one block unprocessed, so text more than a block behind the input end is final;
    // never cut inside a finding, nor between the halves of a surrogate pair.
    let safe = upTo;
    for (const f of findings) if (f.start < safe && f.end > safe) safe = f.end;
    if (safe < total && safe > base) {
      const c = pending.charCodeAt(safe - base - 1);
      if (c >= 0xd800 && c <= 0xdbff) safe--;
    }
    if (safe <= base) return '';
    const ready = findings.filter((f) => f.end <= safe);
    findings = findings.filter((f) => f.end > safe);
    const out = replaceFindings(pending.slice(0, safe - base), ready, plan, base);
    pending = pending.slice(safe - base);
    base = safe;
    return out;
  };

  return {
    write(chunk) {
      pending += chunk;
      total += chunk.length;
      findings.push(...scanner.write(chunk));
      findings.sort((a, b) => a.start - b.start);
      return emit(Math.max(base, total - BLOCK_SIZE));
    },
    end() {
      findings.push(...scanner.end());
      findings.sort((a, b) => a.start - b.start);
      return emit(total);
    },
  };
}
