import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../packages/cli/src/mask/progress.js';
import { buildReport, formatSummary } from '../../packages/cli/src/mask/report.js';
import { countMasked, emptyStats, mergeStats } from '../../packages/cli/src/mask/stats.js';

function sink(tty: boolean): { stream: NodeJS.WritableStream; text: () => string } {
  const s = new PassThrough();
  const chunks: string[] = [];
  s.on('data', (d: Buffer) => chunks.push(d.toString('utf8')));
  Object.assign(s, { isTTY: tty });
  return { stream: s, text: () => chunks.join('') };
}

describe('kamen mask: summary, report and progress', () => {
  it('merges counts per type and per field from batches', () => {
    const a = emptyStats();
    const b = emptyStats();
    a.records = 2;
    b.records = 3;
    countMasked(a, '電話', 'PHONE');
    countMasked(b, '電話', 'PHONE', 2);
    countMasked(b, '備考', 'EMAIL');
    const total = emptyStats();
    mergeStats(total, a);
    mergeStats(total, b);
    expect(total).toEqual({
      records: 5,
      byType: { PHONE: 3, EMAIL: 1 },
      byField: { 電話: { PHONE: 3 }, 備考: { EMAIL: 1 } },
    });
  });

  it('the report lists every decided field and the summary names types, fields and skipped records', () => {
    const stats = emptyStats();
    stats.records = 1000;
    countMasked(stats, '電話', 'PHONE', 1000);
    const report = buildReport(
      {
        input: { name: 'hr.csv', format: 'csv', encoding: 'cp932', bom: false, bytes: 2_000_000 },
        output: { name: 'out.csv', encoding: 'utf-8' },
        policy: 'support',
        role: 'support',
        key: 'key-file',
        workers: 2,
        skipped: 3,
        skippedRecords: [],
        seconds: 2,
      },
      stats,
      {
        電話: { type: 'PHONE', confidence: 0.95, source: 'name+values', samples: 30 },
        部署: { type: null, confidence: 0, source: 'none', samples: 30 },
      },
    );
    expect(report.recordsPerSecond).toBe(500);
    expect(report.megabytesPerSecond).toBe(1);
    expect(report.fields.部署).toEqual({ type: null, confidence: 0, source: 'none', masked: {} });
    const text = formatSummary(report);
    expect(text).toContain('1,000 records (csv, cp932 → utf-8)');
    expect(text).toContain('2 workers');
    expect(text).toContain('電話: PHONE — PHONE 1,000');
    expect(text).not.toContain('部署');
    expect(text).toContain('skipped: 3 malformed records');
  });

  it('progress: a line with bytes, percentage, ETA, records and rate on a TTY; nothing when piped', async () => {
    const tty = sink(true);
    let bytes = 0;
    const p = createProgress(tty.stream, () => bytes, 10_000_000);
    await new Promise((r) => setTimeout(r, 250));
    bytes = 2_500_000;
    p.update(12_345);
    p.done();
    const [line] = tty
      .text()
      .split('\r\x1b[K')
      .filter((l) => l !== '');
    expect(tty.text().startsWith('\r\x1b[K')).toBe(true);
    expect(line).toMatch(/^ {2}2\.5 MB \/ 10\.0 MB 25% {2}ETA \d+ s {2}12,345 records {2}[\d.]+ MB\/s$/u);
    expect(tty.text().endsWith('\r\x1b[K')).toBe(true);
    const piped = sink(false);
    const q = createProgress(piped.stream, () => 1, 10);
    q.update(1);
    q.done();
    expect(piped.text()).toBe('');
  });
});
