import iconv from 'iconv-lite';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKamen } from '../helpers/run-kamen.js';
import { maskFile, tmp } from './mask-helpers.js';

// The real binary on XML with --workers 2: raw slices cut after record ends, decoded in the workers (--batch 3 makes
// a slice of every few records). Output, summary counts and errors must be what the main thread gives (--workers 0).

const employees = (n: number, eol = '\n'): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `  <h:社員 id="E${1000 + i}" note='a>b "q"'>${eol}    <氏名>山田 太郎${i}</氏名><メール>taro${i}@example.com</メール>` +
      `<!-- 連絡先 > -->${eol}    <電話>090-1234-${String(5000 + i)}</電話><![CDATA[住所: 東京都 ]] > ]]><備考/>` +
      `<?note x > y?>${eol}  </h:社員>`,
  ).join(eol);

const doc = (body: string, eol = '\n'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>${eol}<!-- export -->${eol}<社員一覧 xmlns:h="urn:h">${eol}${body}${eol}</社員一覧>${eol}`;

async function both(dir: string, name: string, input: string | Buffer, args: readonly string[] = []) {
  const key = join(dir, 'k.json');
  if (!existsSync(key)) await runKamen(['keygen', '--out', key]);
  const run = (workers: string) =>
    maskFile(dir, name, input, ['--key-file', key, '--batch', '3', '--workers', workers, ...args]);
  const inline = await run('0');
  const pooled = await run('2');
  return { inline, pooled };
}

const errorLine = (stderr: string): string => stderr.split('\n').find((l) => l.includes('KAMEN_ERR_')) ?? '';
/** The summary without its timing and worker count: records and every count of what was masked. */
const summary = (stderr: string): string => stderr.replace(/ in [\d.]+ s, .*$/mu, '');

describe('kamen mask --workers 2 on XML (raw slices)', { timeout: 240_000 }, () => {
  it('gives the bytes and counts of the main thread: namespaces, CDATA, comments, PIs, CRLF, empty elements', async () => {
    const dir = tmp();
    for (const eol of ['\n', '\r\n']) {
      const { inline, pooled } = await both(dir, `a${eol.length}.xml`, doc(employees(40, eol), eol));
      expect(inline.code, inline.stderr).toBe(0);
      expect(pooled.code, pooled.stderr).toBe(0);
      expect(pooled.out).toEqual(inline.out);
      expect(summary(pooled.stderr)).toBe(summary(inline.stderr));
      const out = pooled.out!.toString('utf8');
      expect(out).not.toContain('090-1234-5');
      expect(out).not.toContain('taro1@example.com');
      expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    }
  });

  it('EUC-JP XML, and UTF-8 XML written as CP932 (the declaration renamed), as the main thread does', async () => {
    const dir = tmp();
    const euc = iconv.encode(doc(employees(30)).replace('UTF-8', 'EUC-JP'), 'euc-jp');
    const a = await both(dir, 'euc.xml', euc, ['--encoding', 'euc-jp']);
    expect(a.pooled.code, a.pooled.stderr).toBe(0);
    expect(a.pooled.out).toEqual(a.inline.out);
    const b = await both(dir, 'cp.xml', doc(employees(30)), ['--output-encoding', 'cp932']);
    expect(b.pooled.code, b.pooled.stderr).toBe(0);
    expect(b.pooled.out).toEqual(b.inline.out);
    expect(iconv.decode(b.pooled.out!, 'cp932')).toContain('encoding="Windows-31J"');
  });

  it('a container past the slice limit (every record in one element) is decoded in the main thread, same bytes', async () => {
    const dir = tmp();
    // ~5 MB (over the 4 MiB switch) inside one record, written as CP932: the declaration is renamed in the batch
    // decoded here, and core's RecordBuilder cuts the container between its repeating children as without workers.
    const fill = `  <${'v'.repeat(90)}/>\n`.repeat(48_000);
    const big = `<?xml version="1.0"?>\n<社員一覧><一覧>\n${employees(100)}\n${fill}${employees(100)}\n</一覧></社員一覧>\n`;
    const { inline, pooled } = await both(dir, 'big.xml', big, ['--output-encoding', 'cp932']);
    expect(pooled.code, pooled.stderr).toBe(0);
    expect(pooled.out).toEqual(inline.out);
    expect(pooled.out!.subarray(0, 60).toString('latin1')).toContain('encoding="Windows-31J"');
    expect(summary(pooled.stderr)).toBe(summary(inline.stderr));
  });

  it('malformed late in the file: same exit code and file:line:column and record, no output file', async () => {
    const dir = tmp();
    const body = employees(1100).split('\n'); // past the 1,000 records the main thread samples
    const breakages: [string, (lines: string[]) => string][] = [
      ['mismatch', (l) => doc(l.map((x, i) => (i === 4002 ? x.replace('</電話>', '</電>') : x)).join('\n'))],
      ['doctype', (l) => doc([...l.slice(0, 4150), '<!DOCTYPE x [<!ENTITY e "v">]>', ...l.slice(4150)].join('\n'))],
      ['entity', (l) => doc(l.map((x, i) => (i === 4009 ? x.replace('山田', '&e;山田') : x)).join('\n'))],
      ['stray-lt', (l) => doc(l.map((x, i) => (i === 4101 ? x.replace('山田', '山 < 田') : x)).join('\n'))],
      ['cdata-end', (l) => doc(l.map((x, i) => (i === 4113 ? x.replace('山田', '山]]>田') : x)).join('\n'))],
      ['after-root', (l) => `${doc(l.join('\n'))}garbage\n`],
      ['truncated', (l) => doc(l.join('\n')).slice(0, -60)],
      ['unclosed', (l) => doc([...l.slice(0, 4140), '  <h:社員>', ...l.slice(4140)].join('\n'))],
    ];
    for (const [name, make] of breakages) {
      const { inline, pooled } = await both(dir, `${name}.xml`, make(body));
      expect(inline.code, `${name}: ${inline.stderr}`).toBe(3);
      expect(pooled.code, name).toBe(3);
      expect(errorLine(pooled.stderr), name).toBe(errorLine(inline.stderr));
      expect(errorLine(pooled.stderr), name).toMatch(/\.xml:\d+(:\d+)?, record \d+/u);
      expect(pooled.out, name).toBeUndefined();
      expect(readFileSync(join(dir, `${name}.xml`)).length).toBeGreaterThan(0);
    }
  });
});
