import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKamen } from '../helpers/run-kamen.js';
import { tmp } from './mask-helpers.js';

/*
 * WP-01 end to end with the real binary and no test hook: an operator's V8 heap cap (NODE_OPTIONS
 * --max-old-space-size) applies to worker threads too, and a worker that reaches it is terminated by Node
 * (ERR_WORKER_OUT_OF_MEMORY) - a real worker crash, not a task that throws. The input is valid NDJSON whose one
 * pathological line (hundreds of thousands of numbers, each lifted into a leaf) needs far more heap in the worker
 * than the cap, while the main thread, which only finds line ends in raw bytes once the sample is decided, stays
 * well under it. Batches before that line are already in the temporary output (seen: ~74 KB) when the worker dies.
 */
const SMALL = 1100; // past the 1000-record sample: the main thread never decodes the big line
const NUMBERS = 400_000;

function input(): string {
  let s = '';
  for (let i = 0; i < SMALL; i++)
    s += `${JSON.stringify({ id: i, 氏名: '山田 太郎', 電話番号: `090-1234-${1000 + i}` })}\n`;
  s += `${JSON.stringify({ id: SMALL, n: new Array<number>(NUMBERS).fill(7) })}\n`;
  for (let i = 0; i < 5; i++) s += `${JSON.stringify({ id: SMALL + 1 + i, 氏名: '佐藤 花子' })}\n`;
  return s;
}

describe('kamen mask: a crashing worker (WP-01, real binary)', () => {
  it('a worker killed by its heap limit fails the run: exit 7, nothing at --out, no PII on stderr', async () => {
    const dir = tmp();
    const text = input();
    // Valid input: every line is one JSON document.
    expect(
      text
        .trimEnd()
        .split('\n')
        .every((l) => typeof JSON.parse(l) === 'object'),
    ).toBe(true);
    const inPath = join(dir, 'staff.ndjson');
    writeFileSync(inPath, text);
    const outPath = join(dir, 'masked.ndjson');
    const capped = `${process.env['NODE_OPTIONS'] ?? ''} --max-old-space-size=64`.trim();
    const res = await runKamen(
      ['mask', '--in', inPath, '--out', outPath, '--workers', '1', '--batch', '100'],
      undefined,
      { ...process.env, NODE_OPTIONS: capped },
    );
    // The worker died, not the process: a clean KAMEN error and exit code, not a V8 abort (signal, code 134).
    expect(res.code, res.stderr).toBe(7);
    expect(res.stderr).toMatch(
      /KAMEN_ERR_MASK_FAILED.*a worker failed \(Worker terminated due to reaching memory limit/u,
    );
    expect(res.stderr).not.toContain('FATAL ERROR');
    expect(res.stdout).toBe('');
    for (const pii of ['山田', '佐藤', '090-1234-']) expect(res.stderr).not.toContain(pii);
    // Nothing partial: no output file and no temporary file left next to it.
    expect(readdirSync(dir)).toEqual(['staff.ndjson']);
  }, 120_000);
});
